// The engine must stay pure: time and randomness enter as data, and it runs the
// same in Node and in a Web Worker. This test reads the sources and fails on any
// wall clock, global randomness, timer, DOM, React or Node import.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const FORBIDDEN: [RegExp, string][] = [
  [/\bDate\.now\s*\(/, 'Date.now()'],
  [/new Date\(\s*\)/, 'new Date()'],
  [/\bMath\.random\s*\(/, 'Math.random()'],
  [/\b(setTimeout|setInterval|setImmediate|queueMicrotask|requestAnimationFrame)\s*\(/, 'timers'],
  [/\bperformance\.now\s*\(/, 'performance.now()'],
  [/\b(window|document|self|globalThis)\./, 'global objects'],
  [/from\s+['"](react|react-dom|zustand|monaco-editor|@xterm\/[^'"]+)['"]/, 'UI libraries'],
  [/from\s+['"]node:/, 'Node built-ins'],
  [/from\s+['"](fs|path|os|child_process|process)['"]/, 'Node built-ins'],
  [/from\s+['"][./]*\/(ui|app|worker|cli)\//, 'outer layers'],
]

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f)
    if (statSync(p).isDirectory()) return sources(p)
    return /\.ts$/.test(f) && !/\.test\.ts$/.test(f) ? [p] : []
  })
}

describe('purity of the pure layers', () => {
  for (const layer of ['src/engine', 'src/shell', 'src/kubectl', 'src/session']) {
    it(`${layer} uses no wall clock, global randomness, timers, DOM or Node`, () => {
      const hits: string[] = []
      for (const file of sources(layer)) {
        readFileSync(file, 'utf8')
          .split('\n')
          .forEach((line, i) => {
            if (/^\s*(\/\/|\*)/.test(line)) return
            for (const [re, what] of FORBIDDEN) if (re.test(line)) hits.push(`${file}:${i + 1}: ${what}: ${line.trim()}`)
          })
      }
      expect(hits).toEqual([])
    })
  }
})
