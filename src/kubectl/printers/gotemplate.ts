// `-o go-template=…`: Go text/template over the object (being built).
import { KubectlError } from '../errors.ts'
import type { ObjectPrinter } from './output.ts'

export function goTemplatePrinter(_template: string, _allowMissingKeys: boolean): ObjectPrinter {
  throw new KubectlError('go-template output is not available in this lab yet; use -o jsonpath instead')
}
