// Share links: the edited files and the input log, deflated and base64url-encoded
// into the URL fragment (never sent to a server), so the link opens that lab state.
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate'
import type { SavedLab } from '../ui/state/saved-lab.ts'

export function encodeShare(lab: SavedLab): string {
  const bytes = deflateSync(strToU8(JSON.stringify(lab)), { level: 9 })
  let bin = ''
  for (const b of bytes) bin += String.fromCharCode(b)
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

export function decodeShare(s: string): SavedLab | null {
  try {
    const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'))
    const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0))
    const lab = JSON.parse(strFromU8(inflateSync(bytes))) as SavedLab
    return lab && typeof lab.files === 'object' && Array.isArray(lab.log) ? lab : null
  } catch {
    return null
  }
}
