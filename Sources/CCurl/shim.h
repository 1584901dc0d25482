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

// The webhook address guard (Transfer+AddressGuard.swift): callbacks that see the address a
// connection goes to, and small helpers so Swift need not cast sockaddr structures itself.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>
typedef curl_socket_t (*vv_opensocket_cb)(void *clientp, curlsocktype purpose, struct curl_sockaddr *address);
static inline CURLcode vv_easy_setopt_opensocketcb(CURL *h, CURLoption o, vv_opensocket_cb v) { return curl_easy_setopt(h, o, v); }
typedef int (*vv_prereq_cb)(void *clientp, char *primary_ip, char *local_ip, int primary_port, int local_port);
static inline CURLcode vv_easy_setopt_prereqcb(CURL *h, CURLoption o, vv_prereq_cb v) { return curl_easy_setopt(h, o, v); }
/// Copies the IP address of `a` into `out` (16 bytes); returns 4, 16, or 0 for another family.
static inline int vv_sockaddr_bytes(const struct curl_sockaddr *a, unsigned char *out) {
    if (a->family == AF_INET && a->addrlen >= sizeof(struct sockaddr_in)) {
        memcpy(out, &((const struct sockaddr_in *)&a->addr)->sin_addr, 4); return 4;
    }
    if (a->family == AF_INET6 && a->addrlen >= sizeof(struct sockaddr_in6)) {
        memcpy(out, &((const struct sockaddr_in6 *)&a->addr)->sin6_addr, 16); return 16;
    }
    return 0;
}
/// Parses curl's textual address (CURLINFO_PRIMARY_IP form) into `out` (16 bytes); 4, 16 or 0.
static inline int vv_address_bytes(const char *text, unsigned char *out) {
    if (inet_pton(AF_INET, text, out) == 1) return 4;
    if (inet_pton(AF_INET6, text, out) == 1) return 16;
    return 0;
}
/// What curl's default open-socket step does (socket(2) with the address's parameters).
static inline curl_socket_t vv_open_socket(const struct curl_sockaddr *a) { return socket(a->family, a->socktype, a->protocol); }
#endif
