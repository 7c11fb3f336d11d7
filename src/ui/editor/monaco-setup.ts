// Monaco, bundled (no CDN) and loaded lazily with the editor pane, with
// monaco-yaml validating manifests against our JSON Schema for Job, CronJob and
// the pod template. Pinned: monaco-editor 0.54.0 (monaco-yaml breaks on 0.55+).
import { loader } from '@monaco-editor/react'
import * as monaco from 'monaco-editor'
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker?worker'
import { configureMonacoYaml, type MonacoYaml } from 'monaco-yaml'
import type { Lang } from '../../content/types.ts'
import { manifestSchema } from './schema.ts'
import YamlWorker from './yaml.worker.ts?worker'

self.MonacoEnvironment = {
  getWorker: (_id: string, label: string) => (label === 'yaml' ? new YamlWorker() : new EditorWorker()),
}
loader.config({ monaco })

let yaml: MonacoYaml | null = null
let yamlLang: Lang | null = null

export function configureYaml(lang: Lang): void {
  if (yamlLang === lang) return
  yamlLang = lang
  const options = {
    enableSchemaRequest: false,
    hover: true,
    completion: true,
    validate: true,
    schemas: [{ uri: 'inmemory://batchlab/manifest.json', fileMatch: ['*'], schema: manifestSchema(lang) }],
  }
  if (yaml) yaml.update(options)
  else yaml = configureMonacoYaml(monaco, options)
}

export { monaco }
