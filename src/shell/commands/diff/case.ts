// The shape of a busybox differential case (diff/busybox.test.ts runs them).

export interface Case {
  argv: string[]
  stdin?: string
  /** Files to create in the working directory; a name ending in `/` is a directory. */
  files?: Record<string, string>
  /** Also compare the working directory's tree (names, types, modes, contents) afterwards. */
  tree?: boolean
}
