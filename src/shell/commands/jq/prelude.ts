// The builtins upstream writes in jq itself, which must work in path expressions
// (`del(.[] | select(...))`), and the scope every program starts in.
// Upstream: jq src/builtin.jq (semantics; these definitions are our own).
import type { Ast } from './ast.ts'
import { natives } from './builtins.ts'
import { Scope } from './scope.ts'
import { Parser } from './parser.ts'

/** Builtins written in jq: they take part in path expressions (`del(.[] | select(...))`). */
const PRELUDE = `
def select(f): if f then . else empty end;
def recurse(f): def r: ., (f | r); r;
def recurse(f; cond): def r: ., (f | select(cond) | r); r;
def recurse: recurse(.[]?);
def map(f): [.[] | f];
def map_values(f): .[] |= f;
def with_entries(f): to_entries | map(f) | from_entries;
def del(f): delpaths([path(f)]);
def paths: path(..) | select(length > 0);
def paths(node_filter): . as $in | paths | select(. as $p | $in | getpath($p) | node_filter);
def leaf_paths: paths(scalars);
def pick(pathexps): . as $in | reduce path(pathexps) as $p (null; setpath($p; $in | getpath($p)));
def sort_by(f): _sort_by(map([f]));
def group_by(f): _group_by(map([f]));
def unique_by(f): [group_by(f)[] | .[0]];
def min_by(f): _min_by(map([f]));
def max_by(f): _max_by(map([f]));
def values: select(. != null);
def nulls: select(. == null);
def booleans: select(type == "boolean");
def numbers: select(type == "number");
def strings: select(type == "string");
def arrays: select(type == "array");
def objects: select(type == "object");
def iterables: select(type == "array" or type == "object");
def scalars: select(type != "array" and type != "object");
def finites: select(type == "number" and (isinfinite or isnan | not));
def normals: select(isnormal);
def isfinite: type == "number" and (isinfinite | not);
def any: reduce .[] as $x (false; . or $x);
def all: reduce .[] as $x (true; . and $x);
def any(f): reduce (.[] | f) as $x (false; . or $x);
def all(f): reduce (.[] | f) as $x (true; . and $x);
def any(g; cond): isempty(first(g | cond | select(.))) | not;
def all(g; cond): isempty(first(g | cond | select(. | not)));
def in(xs): . as $x | xs | has($x);
def while(cond; update): def w: if cond then ., (update | w) else empty end; w;
def until(cond; update): def u: if cond then . else (update | u) end; u;
def repeat(f): def r: f, r; r;
def range($n): range(0; $n);
def range($from; $upto; $by): if $by > 0 then $from | while(. < $upto; . + $by) elif $by < 0 then $from | while(. > $upto; . + $by) else empty end;
def last(f): reduce f as $x (null; $x);
def nth($n; f): if $n < 0 then error("Out of bounds negative array index") else last(limit($n + 1; f)) end;
def first: .[0];
def last: .[-1];
def nth($n): .[$n];
def walk(f): def w: if type == "object" then map_values(w) elif type == "array" then map(w) else . end | f; w;
def to_array: if type == "array" then . else [.] end;
def combinations: if length == 0 then [] else .[0][] as $x | (.[1:] | combinations) as $rest | [$x] + $rest end;
def combinations(n): . as $dot | [range(n) | $dot] | combinations;
def splits($re): splits($re; null);
def split($re; flags): [splits($re; flags)];
def match(re; mode): _match_impl(re; mode; false) | .[];
def match($val): if ($val | type) == "array" then match($val[0]; $val[1]) else match($val; null) end;
def capture(re; mods): match(re; mods) | [.captures[] | select(.name != null) | {key: .name, value: .string}] | from_entries;
def capture($val): if ($val | type) == "array" then capture($val[0]; $val[1]) else capture($val; null) end;
def scan($re; $flags): match($re; "g" + ($flags // "")) | if (.captures | length) > 0 then [.captures[].string] else .string end;
def scan($re): scan($re; null);
def todateiso8601: strftime("%Y-%m-%dT%H:%M:%SZ");
def fromdateiso8601: strptime("%Y-%m-%dT%H:%M:%SZ") | mktime;
def todate: todateiso8601;
def fromdate: fromdateiso8601;
def date: todate;
def dateadd(u; n): . + n;
def datesub(u; n): . - n;
def IN(s): any(s == .; .);
def IN(src; s): any(src == s; .);
def INDEX(stream; idx_expr): reduce stream as $row ({}; .[$row | idx_expr | tostring] = $row);
def INDEX(idx_expr): INDEX(.[]; idx_expr);
def ascii(i): [i] | implode;
def tostream: path(def r: (.[]? | r), .; r) as $p | getpath($p) | reduce path(.[]?) as $q ([$p, .]; [$p + $q]);
def getpath_or_null(p): getpath(p);
def error(msg): msg | error;
def add(f): reduce f as $x (null; . + $x);
def debug(msg): (msg | debug | empty), .;
def inside(xs): . as $x | xs | contains($x);
def limit($n; f): if $n > 0 then first_n($n; f) elif $n == 0 then empty else f end;
`

export const PRELUDE_NAMES: string[] = []

let prelude: Scope | null = null

/** The scope every program starts in: natives, then the jq-defined builtins. */
export function builtinScope(): Scope {
  if (prelude) return prelude
  let scope = new Scope(null, '*root*', { kind: 'var', value: null })
  for (const [key, fn] of natives) scope = scope.bind(key, { kind: 'native', fn })
  // first_n is limit's native core; the jq wrapper keeps limit's handling of n <= 0.
  scope = scope.bind('first_n/2', { kind: 'native', fn: natives.get('limit/2')! })
  let ast: Ast = Parser.parse(PRELUDE + ' .')
  while (ast.t === 'def') {
    const def = ast.def
    const inner: Scope = scope.bind(`${def.name}/${def.params.length}`, { kind: 'func', def, scope: () => inner })
    scope = inner
    PRELUDE_NAMES.push(`${def.name}/${def.params.length}`)
    ast = ast.body
  }
  prelude = scope
  return scope
}
