#include <regex.h>
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
/* usage: regtest [E][I] pattern string... ; prints all -o style matches like busybox grep -o */
int main(int argc, char **argv) {
  int fl = 0; if (strchr(argv[1], 'E')) fl |= REG_EXTENDED; if (strchr(argv[1], 'I')) fl |= REG_ICASE;
  regex_t re; int rc = regcomp(&re, argv[2], fl);
  if (rc) { char b[200]; regerror(rc, &re, b, sizeof b); printf("ERR %s\n", b); return 2; }
  for (int i = 3; i < argc; i++) {
    char *line = argv[i]; regmatch_t m[10]; int flg = 0; unsigned end = 0;
    printf("[%s]", line);
    if (regexec(&re, line, 10, m, 0)) { printf(" nomatch\n"); continue; }
    for (;;) {
      printf(" %d-%d", (int)m[0].rm_so, (int)m[0].rm_eo);
      for (int g = 1; g < 10 && m[g].rm_so >= 0; g++) printf("(%d:%d-%d)", g, (int)m[g].rm_so, (int)m[g].rm_eo);
      unsigned e = m[0].rm_eo, len = e - m[0].rm_so;
      if (!line[e]) break;
      if (len == 0) e++;
      if (regexec(&re, line + e, 10, m, REG_NOTBOL)) break;
      for (int g = 0; g < 10; g++) if (m[g].rm_so >= 0) { m[g].rm_so += e; m[g].rm_eo += e; }
      line = line; /* offsets relative to original */
      char *base = line; (void)base;
    }
    printf("\n");
  }
  return 0;
}
