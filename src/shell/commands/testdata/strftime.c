/* Oracle for the date tests: glibc's localtime_r + strftime for TZ, epoch seconds, format. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
int main(int argc, char **argv) {
  setenv("TZ", argv[1], 1);
  tzset();
  time_t t = (time_t)atoll(argv[2]);
  struct tm tm;
  localtime_r(&t, &tm);
  for (int i = 3; i < argc; i++) {
    char buf[512];
    size_t n = strftime(buf, sizeof buf, argv[i], &tm);
    fwrite(buf, 1, n, stdout);
    putchar('\n');
  }
  return 0;
}
