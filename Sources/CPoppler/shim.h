#ifndef VOICECLONE_CPOPPLER_SHIM_H
#define VOICECLONE_CPOPPLER_SHIM_H
#include <poppler.h>
#include <glib.h>
#include <glib-object.h>

/// g_object_unref takes a gpointer; a typed helper keeps the Swift side free of casts.
static inline void vc_g_object_unref(void *object) { if (object) g_object_unref(object); }
static inline void vc_g_free(void *p) { g_free(p); }
#endif
