// The terminal session's public surface (the worker, the CLI and the transcript runner use it).
export { Session, SessionError, terminalEnv, HOME, HOSTNAME, LINE_LIMITS, type SessionOptions, type Sink, type Stream } from './session.ts'
