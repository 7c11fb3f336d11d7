// Routes: `/` the course, `/lab/<id>` the full lab, `/embed/<id>` the lab without
// site chrome, plus the query parameters instructors use to set a lab up.
export type PaneName = 'lesson' | 'editor' | 'timeline' | 'terminal'

export interface LabParams {
  lessonId: string
  embed: boolean
  speed?: number
  autoplay: boolean
  panes: PaneName[]
  seed?: number
  theme?: 'light' | 'dark'
  /** Compressed lab state from a share link (URL fragment). */
  shared?: string
}

export type Route = { name: 'course' } | { name: 'lab'; params: LabParams } | { name: 'notFound'; path: string }

const ALL_PANES: PaneName[] = ['lesson', 'editor', 'timeline', 'terminal']
export const SPEEDS = [1, 2, 5, 10, 30, 60, 120, 300, 600]

export function parseRoute(pathname: string, search: string, hash: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/'
  if (path === '/' || path === '/index.html') return { name: 'course' }
  const m = /^\/(lab|embed)\/([\w-]+)$/.exec(path)
  if (!m) return { name: 'notFound', path }
  const q = new URLSearchParams(search)
  const speed = Number(q.get('speed'))
  const panes = (q.get('panes') ?? '').split(',').filter((p): p is PaneName => (ALL_PANES as string[]).includes(p))
  const seed = Number(q.get('seed'))
  const theme = q.get('theme')
  const shared = /^#s=([\w-]+)$/.exec(hash)?.[1]
  return {
    name: 'lab',
    params: {
      lessonId: m[2],
      embed: m[1] === 'embed',
      speed: speed > 0 ? Math.min(600, speed) : undefined,
      autoplay: q.get('autoplay') === '1',
      panes: panes.length ? panes : ALL_PANES,
      seed: Number.isInteger(seed) && q.has('seed') ? seed : undefined,
      theme: theme === 'light' || theme === 'dark' ? theme : undefined,
      shared,
    },
  }
}

export function navigate(to: string): void {
  history.pushState(null, '', to)
  dispatchEvent(new PopStateEvent('popstate'))
}
