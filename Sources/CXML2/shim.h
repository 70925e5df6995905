#ifndef VOICECLONE_CXML2_SHIM_H
#define VOICECLONE_CXML2_SHIM_H
/* Debian's libxml2 is built with ICU; its ICU headers clash with Foundation's own ICU module.
   Nothing here needs libxml2's ICU encoders, so switch them off before any other libxml header. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xmlerror.h>

/* xmlFree is a macro over a thread-local allocator in this build; Swift cannot see it. */
static inline void vc_xml_free(void *p) { xmlFree(p); }
static inline const char *vc_xml_parser_version(void) { return xmlParserVersion; }
#endif
