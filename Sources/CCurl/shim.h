#ifndef VARSELVAKT_CCURL_SHIM_H
#define VARSELVAKT_CCURL_SHIM_H
// curl_easy_setopt / getinfo / multi_setopt are variadic and do not import into Swift;
// these typed wrappers are the whole reason this header exists.
#include <curl/curl.h>

static inline CURLcode vv_easy_setopt_long(CURL *h, CURLoption o, long v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode vv_easy_setopt_str(CURL *h, CURLoption o, const char *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode vv_easy_setopt_ptr(CURL *h, CURLoption o, void *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode vv_easy_setopt_off(CURL *h, CURLoption o, curl_off_t v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode vv_easy_setopt_slist(CURL *h, CURLoption o, struct curl_slist *v) { return curl_easy_setopt(h, o, v); }
typedef size_t (*vv_data_cb)(char *ptr, size_t size, size_t nmemb, void *userdata);
static inline CURLcode vv_easy_setopt_datacb(CURL *h, CURLoption o, vv_data_cb v) { return curl_easy_setopt(h, o, v); }
typedef int (*vv_xferinfo_cb)(void *clientp, curl_off_t dltotal, curl_off_t dlnow, curl_off_t ultotal, curl_off_t ulnow);
static inline CURLcode vv_easy_setopt_xferinfocb(CURL *h, CURLoption o, vv_xferinfo_cb v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode vv_easy_getinfo_long(CURL *h, CURLINFO i, long *out) { return curl_easy_getinfo(h, i, out); }
static inline CURLcode vv_easy_getinfo_off(CURL *h, CURLINFO i, curl_off_t *out) { return curl_easy_getinfo(h, i, out); }
static inline CURLcode vv_easy_getinfo_double(CURL *h, CURLINFO i, double *out) { return curl_easy_getinfo(h, i, out); }
static inline CURLcode vv_easy_getinfo_str(CURL *h, CURLINFO i, char **out) { return curl_easy_getinfo(h, i, out); }
static inline CURLcode vv_easy_getinfo_ptr(CURL *h, CURLINFO i, void **out) { return curl_easy_getinfo(h, i, out); }
static inline CURLMcode vv_multi_setopt_long(CURLM *m, CURLMoption o, long v) { return curl_multi_setopt(m, o, v); }
#endif
