#ifndef VOICECLONE_CZIP_SHIM_H
#define VOICECLONE_CZIP_SHIM_H
#include <zip.h>
#endif
