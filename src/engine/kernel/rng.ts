// Seeded randomness for the simulation. One seed per cluster, split into named
// streams (pod-name suffixes, uids, latencies, $RANDOM per container) so that a
// new draw in one component never shifts the numbers another one sees.
// Generator: sfc32 seeded through a string hash; no Math.random anywhere.

export interface Rng {
  /** Uniform 32-bit unsigned integer. */
  u32(): number
  /** Uniform float in [0, 1). */
  float(): number
  /** Uniform integer in [lo, hi] inclusive. */
  int(lo: number, hi: number): number
  /** A child stream whose sequence depends only on this stream's seed and the name. */
  stream(name: string): Rng
}

export function createRng(seed: number | string): Rng {
  return makeStream(String(seed))
}

function makeStream(key: string): Rng {
  let [a, b, c, d] = hash4(key)
  const u32 = (): number => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0
    const t = (((a + b) | 0) + d) | 0
    d = (d + 1) | 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) | 0
    c = (c << 21) | (c >>> 11)
    c = (c + t) | 0
    return t >>> 0
  }
  for (let i = 0; i < 12; i++) u32() // mix the initial state
  const streams = new Map<string, Rng>()
  return {
    u32,
    float: () => u32() / 4294967296,
    int: (lo, hi) => lo + Math.floor((u32() / 4294967296) * (hi - lo + 1)),
    stream(name) {
      let s = streams.get(name)
      if (!s) streams.set(name, (s = makeStream(key + '/' + name)))
      return s
    },
  }
}

/** cyrb128: four 32-bit hashes of a string, used as the generator's state. */
function hash4(str: string): [number, number, number, number] {
  let h1 = 1779033703, h2 = 3144134277, h3 = 1013904242, h4 = 2773480762
  for (let i = 0; i < str.length; i++) {
    const k = str.charCodeAt(i)
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067)
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233)
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213)
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179)
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067)
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233)
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213)
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179)
  h1 ^= h2 ^ h3 ^ h4
  h2 ^= h1
  h3 ^= h1
  h4 ^= h1
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0]
}
