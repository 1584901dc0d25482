#ifndef VARSELVAKT_CLIBXML2_SHIM_H
#define VARSELVAKT_CLIBXML2_SHIM_H
// libxml2's headers pull in ICU when LIBXML_ICU_ENABLED is set; that clashes with
// Foundation's own ICU module ("UErrorCode ... not present"). We never use libxml2's
// ICU API, so hide it before the real headers are read.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/HTMLparser.h>
#include <libxml/uri.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

// xmlFree is a global function-pointer variable; Swift 6 rejects it as shared mutable state.
static inline void vv_xmlFree(void *p) { xmlFree(p); }

// libxml2's HTML parser the forgiving, silent, offline way: recover from broken markup as browsers
// do, print nothing to stderr, never fetch. One definition for every reader of HTML pages and
// fragments (feed-link discovery, the converter's libxml2 reference).
static inline htmlDocPtr vv_htmlReadLenient(const char *buffer, int size, const char *encoding) {
    return htmlReadMemory(buffer, size, NULL, encoding,
        HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER);
}
#endif
