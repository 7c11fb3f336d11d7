// Korean particles after a name the message interpolates (a Job, a claim, a
// value). Which form follows depends on how the last character is read aloud:
// 이/가, 은/는, 을/를, 과/와 and 이에요/예요 take the first form after a final
// consonant (batchim); 으로/로 takes 로 after no batchim and after ㄹ.
// Hangul is read from its syllable; digits as Sino-Korean numbers (10 십,
// 100 백, 7 칠); Latin text as its common Korean reading where we know the word
// (job 잡, backup 백업), otherwise by the letter's name (l 엘, m 엠, n 엔 end
// in a consonant; -er/-or words read 어 and do not).

export type Particle = '이' | '가' | '은' | '는' | '을' | '를' | '과' | '와' | '으로' | '로' | '이에요' | '예요'

type Final = 'none' | 'rieul' | 'other'

const HANGUL_BASE = 0xac00
const HANGUL_LAST = 0xd7a3

// Final sound of 0-9 read as Sino-Korean numbers: 영 일 이 삼 사 오 육 칠 팔 구.
const DIGIT: Final[] = ['other', 'rieul', 'none', 'other', 'none', 'none', 'other', 'rieul', 'rieul', 'none']
// Trailing zeros of a number: 십 (ㅂ), 백 (ㄱ), 천 (ㄴ), 만 (ㄴ); beyond that 만/억/조 all end in ㄴ/ㄱ.
const TENS: Final[] = ['other', 'other', 'other', 'other']

// English words a name often ends with, as Korean writes them.
const WORDS: Record<string, Final> = {
  job: 'other', cronjob: 'other', jobs: 'none', pod: 'none', pods: 'none', backup: 'other', claim: 'other',
  volume: 'none', report: 'none', check: 'none', test: 'none', demo: 'none', data: 'none', log: 'other', logs: 'none',
  never: 'none', always: 'none', onfailure: 'none', complete: 'none', failed: 'none', succeeded: 'none',
  exceeded: 'none', allow: 'none', forbid: 'none', replace: 'none', node: 'none', map: 'other', secret: 'other',
  namespace: 'none', config: 'none', app: 'other', web: 'other', db: 'none', pvc: 'none', ttl: 'rieul', utc: 'none',
  seoul: 'rieul', tick: 'other', ok: 'none', calc: 'none', kubelet: 'other', limit: 'other', backofflimit: 'other',
  name: 'other', time: 'other', zone: 'other', timezone: 'other', template: 'other', target: 'other', schedule: 'rieul',
  done: 'other', wait: 'none', policy: 'none',
}

// Letter names: 에이 비 씨 디 이 에프 지 에이치 아이 제이 케이 엘 엠 엔 오 피 큐 알 에스 티 유 브이 더블유 엑스 와이 지.
const LETTER: Record<string, Final> = { l: 'rieul', m: 'other', n: 'other', r: 'rieul' }

function finalOf(text: string): Final {
  // A parenthetical is skipped: 시간(초)이 reads 시간이. $(NAME) and $((...)) are code, read as written.
  const bare = text.replace(/[\s"'`]+$/u, '')
  const paren = /^(.*[^\s$(])\s*\([^()]*\)$/su.exec(bare)
  if (paren) return finalOf(paren[1])
  const s = bare.replace(/[\s"'`)\]}.,:;!?/*]+$/u, '')
  if (!s) return 'none'
  const ch = s[s.length - 1]
  const code = ch.charCodeAt(0)
  if (code >= HANGUL_BASE && code <= HANGUL_LAST) {
    const jong = (code - HANGUL_BASE) % 28
    return jong === 0 ? 'none' : jong === 8 ? 'rieul' : 'other'
  }
  if (/[0-9]/.test(ch)) {
    const digits = /[0-9]+$/.exec(s)![0]
    const zeros = /0*$/.exec(digits)![0].length
    if (zeros === 0) return DIGIT[Number(ch)]
    if (zeros === digits.length) return 'other' // 0, 00: 영
    return TENS[Math.min(zeros, 4) - 1]
  }
  if (/[A-Za-z]/.test(ch)) {
    const word = /[A-Za-z0-9]+$/.exec(s)![0].toLowerCase()
    if (word in WORDS) return WORDS[word]
    const camel = /[A-Z]?[a-z]+$/.exec(s)?.[0].toLowerCase()
    if (camel && camel in WORDS) return WORDS[camel]
    if (word.length > 1 && /[aeiou]r$/.test(word)) return 'none'
    if (word.length > 1 && /ng$/.test(word)) return 'other'
    return LETTER[word[word.length - 1]] ?? 'none'
  }
  return 'none'
}

const PAIRS: Record<Particle, [after: string, none: string]> = {
  이: ['이', '가'], 가: ['이', '가'], 은: ['은', '는'], 는: ['은', '는'], 을: ['을', '를'], 를: ['을', '를'],
  과: ['과', '와'], 와: ['과', '와'], 으로: ['으로', '로'], 로: ['으로', '로'], 이에요: ['이에요', '예요'], 예요: ['이에요', '예요'],
}

/** The particle that follows `word`, given either of its forms ('이' or '가' alike). */
export function particle(word: string, p: Particle): string {
  const f = finalOf(word)
  const [after, none] = PAIRS[p]
  if (after === '으로') return f === 'other' ? after : none
  return f === 'none' ? none : after
}

/** `word` followed by its particle: josa('retry-never', '은') is 'retry-never는'. */
export function josa(word: unknown, p: Particle): string {
  return `${word}${particle(String(word), p)}`
}
