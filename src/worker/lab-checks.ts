// Evaluates a lesson's checks against the lab's session, in the student's language.
import { evaluateChecks } from '../content/session-checks.ts'
import type { CheckSpec } from '../content/types.ts'
import type { Session } from '../session/index.ts'
import type { LabInit } from './protocol.ts'

export function evaluateLabChecks(session: Session, init: LabInit) {
  return evaluateChecks(session, init.checks as CheckSpec[], init.lang).map(({ reason: _reason, ...r }) => r)
}
