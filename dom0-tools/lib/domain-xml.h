/*
 * The XML side of loading a domain definition (domain-config.c is the
 * values side): read the file with libxml2, validate it against the built-in
 * RelaxNG schema, and report what is wrong with the file, line and element.
 * With opts->lenient, elements the schema does not expect are reported as
 * warnings and removed, then the document is validated again.
 */
#ifndef DOM0_DOMAIN_XML_H
#define DOM0_DOMAIN_XML_H

#include <libxml/tree.h>
#include "domain-config.h"

struct xml_ctx {
    const char *file;
    const struct dom_load_opts *o;
    unsigned int errors;
};

/* the validated document, or NULL (every problem reported) */
xmlDocPtr domain_xml_read(struct xml_ctx *x);

void xml_report(struct xml_ctx *x, bool error, const xmlNode *node, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* the first child element called name, or NULL; its text (trimmed, never NULL) */
xmlNodePtr xml_child(const xmlNode *parent, const char *name);
const char *xml_text(const xmlNode *node, char *buf, size_t len);
/* an attribute's value into buf, or NULL when absent */
const char *xml_attr(const xmlNode *node, const char *name, char *buf, size_t len);

#endif
