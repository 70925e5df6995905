#ifndef VOICECLONE_CLINKGRAMMAR_SHIM_H
#define VOICECLONE_CLINKGRAMMAR_SHIM_H
#include <link-grammar/link-includes.h>

/* The library prints dictionary warnings and parse-time notes through a global handler; the wrapper reports
   its own errors, so they are dropped here instead of reaching the user's terminal. */
static void voiceclone_lg_silent_handler(lg_errinfo *info, void *data) {
    (void)info;
    (void)data;
}

static inline void voiceclone_lg_silence(void) {
    lg_error_set_handler(voiceclone_lg_silent_handler, (void *)0);
}
#endif
