#ifndef VOICECLONE_CCURL_SHIM_H
#define VOICECLONE_CCURL_SHIM_H
#include <curl/curl.h>

/* curl_easy_setopt and curl_easy_getinfo are C-variadic, which Swift cannot call:
   one typed wrapper per argument kind. */
static inline CURLcode vc_curl_setopt_long(CURL *h, CURLoption o, long v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode vc_curl_setopt_off(CURL *h, CURLoption o, curl_off_t v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode vc_curl_setopt_string(CURL *h, CURLoption o, const char *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode vc_curl_setopt_pointer(CURL *h, CURLoption o, void *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode vc_curl_setopt_slist(CURL *h, CURLoption o, struct curl_slist *v) { return curl_easy_setopt(h, o, v); }
typedef size_t (*vc_curl_data_callback)(char *, size_t, size_t, void *);
static inline CURLcode vc_curl_setopt_data_callback(CURL *h, CURLoption o, vc_curl_data_callback v) { return curl_easy_setopt(h, o, v); }
typedef int (*vc_curl_progress_callback)(void *, curl_off_t, curl_off_t, curl_off_t, curl_off_t);
static inline CURLcode vc_curl_setopt_progress_callback(CURL *h, CURLoption o, vc_curl_progress_callback v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode vc_curl_getinfo_long(CURL *h, CURLINFO i, long *v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode vc_curl_getinfo_string(CURL *h, CURLINFO i, char **v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode vc_curl_getinfo_off(CURL *h, CURLINFO i, curl_off_t *v) { return curl_easy_getinfo(h, i, v); }
static inline curl_version_info_data *vc_curl_version_info(void) { return curl_version_info(CURLVERSION_NOW); }
#endif
