/*
 * Boot-time self-tests, chosen with selftest=NAME[,NAME...] (see selftest.c).
 */
#ifndef HV_SELFTEST_H
#define HV_SELFTEST_H

/* Runs the named tests; returns the number that failed (unknown names count). */
unsigned int run_selftests(const char *list);

#endif
