#ifndef VOICECLONE_CGIT2_SHIM_H
#define VOICECLONE_CGIT2_SHIM_H
#include <git2.h>
#endif
