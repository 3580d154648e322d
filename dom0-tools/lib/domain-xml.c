/*
 * Reading and validating a domain XML file (domain-xml.h). libxml2 reports
 * through a structured-error callback; we turn each report into one
 * "FILE:LINE: element 'NAME': message" diagnostic. Network access and
 * entity expansion are off: a definition is data, not a document that may
 * pull in others.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include "domain-xml.h"
#include "schema-rules.h"

extern const char _binary_domain_rng_start[], _binary_domain_rng_end[];

void xml_report(struct xml_ctx *x, bool error, const xmlNode *node, const char *fmt, ...)
{
    char msg[512];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    if ( error )
        x->errors++;
    x->o->diag(error ? "error" : "warning", x->file, node ? (long)xmlGetLineNo(node) : 0,
               node ? (const char *)node->name : NULL, msg);
}

/* libxml2's messages end in a newline and sometimes name the element again */
static void libxml_report(void *data, xmlErrorPtr e)
{
    struct xml_ctx *x = data;
    char msg[512];
    size_t n;
    const xmlNode *node = e->node && ((xmlNodePtr)e->node)->type == XML_ELEMENT_NODE ? e->node : NULL;

    snprintf(msg, sizeof(msg), "%s", e->message ? e->message : "invalid");
    n = strlen(msg);
    while ( n && (msg[n - 1] == '\n' || msg[n - 1] == ' ') )
        msg[--n] = '\0';
    if ( e->level == XML_ERR_WARNING )
        return;
    /* RelaxNG's follow-ups to an error it has already described */
    if ( x->errors && (strstr(msg, "failed to validate") || strstr(msg, "Invalid sequence in interleave") ||
                       strstr(msg, "in interleave")) )
        return;
    x->errors++;
    x->o->diag("error", x->file, node ? (long)xmlGetLineNo(node) : e->line,
               node ? (const char *)node->name : NULL, msg);
}

/* the schema's content rules, element by element; with --lenient an unknown
 * element is a warning and is removed */
static void check_content(struct xml_ctx *x, const struct schema_rules *r, xmlNodePtr p)
{
    const struct schema_rule *marker = schema_rule_for(r, (const char *)p->name, "");
    unsigned int seen[256] = { 0 };
    xmlNodePtr c, next;

    for ( c = p->children; c; c = next )
    {
        const struct schema_rule *rule;

        next = c->next;
        if ( c->type != XML_ELEMENT_NODE )
            continue;
        rule = schema_rule_for(r, (const char *)p->name, (const char *)c->name);
        if ( !rule )
        {
            xml_report(x, !x->o->lenient, c, "unknown element in <%s>%s", p->name,
                       x->o->lenient ? ", ignored (--lenient)" : "");
            if ( x->o->lenient )
            {
                xmlUnlinkNode(c);
                xmlFreeNode(c);
            }
            continue;
        }
        if ( !rule->child )
            continue;                       /* free content */
        if ( ++seen[rule - r->rule] == 2 && !rule->multiple )
            xml_report(x, true, c, "more than one <%s> in <%s>", c->name, p->name);
        if ( schema_knows(r, (const char *)c->name) )
            check_content(x, r, c);
    }
    if ( !marker || marker->multiple )
        return;
    for ( unsigned int i = 0; i < r->n; i++ )
        if ( r->rule[i].required && r->rule[i].child && *r->rule[i].child && !seen[i] &&
             strcmp(r->rule[i].parent, (const char *)p->name) == 0 )
            xml_report(x, true, p, "missing <%s> in <%s>", r->rule[i].child, p->name);
}

xmlDocPtr domain_xml_read(struct xml_ctx *x)
{
    static struct schema_rules rules;
    xmlRelaxNGParserCtxtPtr pc = NULL;
    xmlRelaxNGPtr schema = NULL;
    xmlRelaxNGValidCtxtPtr v;
    xmlDocPtr doc, rng;
    xmlNodePtr root;

    xmlLineNumbersDefault(1);
    xmlSetStructuredErrorFunc(x, libxml_report);
    doc = xmlReadFile(x->file, NULL, XML_PARSE_NONET | XML_PARSE_NOCDATA);
    xmlSetStructuredErrorFunc(NULL, NULL);
    if ( !doc )
    {
        if ( !x->errors )
            xml_report(x, true, NULL, "cannot read: %s", strerror(errno));
        return NULL;
    }
    rng = xmlReadMemory(_binary_domain_rng_start,
                        (int)(_binary_domain_rng_end - _binary_domain_rng_start), "domain.rng", NULL, 0);
    if ( rng && schema_rules_read(rng, &rules) == 0 && (pc = xmlRelaxNGNewDocParserCtxt(rng)) )
        schema = xmlRelaxNGParse(pc);
    xmlRelaxNGFreeParserCtxt(pc);
    if ( !schema )
    {
        xml_report(x, true, NULL, "internal error: the built-in schema does not parse");
        xmlFreeDoc(rng);
        xmlFreeDoc(doc);
        return NULL;
    }
    root = xmlDocGetRootElement(doc);
    if ( strcmp((const char *)root->name, rules.root) != 0 )
        xml_report(x, true, root, "the root element must be <%s>", rules.root);
    else
        check_content(x, &rules, root);
    if ( !x->errors )
    {
        v = xmlRelaxNGNewValidCtxt(schema);
        xmlRelaxNGSetValidStructuredErrors(v, libxml_report, x);
        if ( xmlRelaxNGValidateDoc(v, doc) != 0 && !x->errors )
            xml_report(x, true, root, "does not match the domain schema");
        xmlRelaxNGFreeValidCtxt(v);
    }
    xmlRelaxNGFree(schema);
    xmlFreeDoc(rng);        /* the rules point into it: done with them too */
    if ( x->errors )
    {
        xmlFreeDoc(doc);
        return NULL;
    }
    return doc;
}

xmlNodePtr xml_child(const xmlNode *parent, const char *name)
{
    for ( xmlNodePtr n = parent ? parent->children : NULL; n; n = n->next )
        if ( n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0 )
            return n;
    return NULL;
}

static const char *trimmed(const char *s, char *buf, size_t len)
{
    size_t n;

    while ( *s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' )
        s++;
    snprintf(buf, len, "%s", s);
    n = strlen(buf);
    while ( n && (buf[n - 1] == ' ' || buf[n - 1] == '\t' || buf[n - 1] == '\n' || buf[n - 1] == '\r') )
        buf[--n] = '\0';
    return buf;
}

const char *xml_text(const xmlNode *node, char *buf, size_t len)
{
    xmlChar *t = node ? xmlNodeGetContent(node) : NULL;

    trimmed(t ? (const char *)t : "", buf, len);
    xmlFree(t);
    return buf;
}

const char *xml_attr(const xmlNode *node, const char *name, char *buf, size_t len)
{
    xmlChar *v = xmlGetProp(node, (const xmlChar *)name);

    if ( !v )
        return NULL;
    trimmed((const char *)v, buf, len);
    xmlFree(v);
    return buf;
}
