/*
 * Reading content rules from a RelaxNG grammar (schema-rules.h). Each
 * <element name="P"> is walked down to the next elements: the patterns on
 * the way (optional, zeroOrMore, oneOrMore, choice, interleave, group, and
 * refs to defines) say whether a child may repeat and whether it must be
 * there. An <element> with <anyName/> makes P's content free.
 */
#include <errno.h>
#include <string.h>
#include "schema-rules.h"

#define RNG_DEPTH 16

static bool is(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

static const char *attr(const xmlNode *n, const char *name)
{
    for ( const xmlAttr *a = n->properties; a; a = a->next )
        if ( strcmp((const char *)a->name, name) == 0 && a->children )
            return (const char *)a->children->content;
    return NULL;
}

static xmlNodePtr define(xmlNodePtr grammar, const char *name)
{
    for ( xmlNodePtr d = grammar->children; d; d = d->next )
        if ( is(d, "define") && attr(d, "name") && strcmp(attr(d, "name"), name) == 0 )
            return d;
    return NULL;
}

static int add(struct schema_rules *r, const char *parent, const char *child, bool multiple,
               bool required)
{
    for ( unsigned int i = 0; i < r->n; i++ )
    {
        struct schema_rule *e = &r->rule[i];

        if ( strcmp(e->parent, parent) == 0 &&
             ((!e->child && !child) || (e->child && child && strcmp(e->child, child) == 0)) )
        {
            /* the same name in two contexts: the union; for the marker rule
             * (child ""), `multiple` records that there are two definitions */
            e->multiple |= multiple || (child && !*child);
            e->required &= required;
            return 0;
        }
    }
    if ( r->n == sizeof(r->rule) / sizeof(r->rule[0]) )
        return -EINVAL;
    r->rule[r->n++] = (struct schema_rule){ parent, child, multiple, required };
    return 0;
}

static int walk(struct schema_rules *r, xmlNodePtr grammar, xmlNodePtr pattern, const char *parent,
                bool multiple, bool optional, unsigned int depth)
{
    int rc = 0;

    if ( depth > RNG_DEPTH )
        return -EINVAL;
    for ( xmlNodePtr c = pattern->children; c && !rc; c = c->next )
    {
        if ( c->type != XML_ELEMENT_NODE )
            continue;
        if ( is(c, "element") )
            rc = add(r, parent, attr(c, "name"), multiple, !optional);   /* NULL name: anyName */
        else if ( is(c, "optional") || is(c, "choice") )
            rc = walk(r, grammar, c, parent, multiple, true, depth + 1);
        else if ( is(c, "zeroOrMore") )
            rc = walk(r, grammar, c, parent, true, true, depth + 1);
        else if ( is(c, "oneOrMore") )
            rc = walk(r, grammar, c, parent, true, optional, depth + 1);
        else if ( is(c, "interleave") || is(c, "group") )
            rc = walk(r, grammar, c, parent, multiple, optional, depth + 1);
        else if ( is(c, "ref") )
        {
            xmlNodePtr d = attr(c, "name") ? define(grammar, attr(c, "name")) : NULL;

            rc = d ? walk(r, grammar, d, parent, multiple, optional, depth + 1) : -EINVAL;
        }
    }
    return rc;
}

/* every named element of the grammar, wherever it is */
static int each_element(struct schema_rules *r, xmlNodePtr grammar, xmlNodePtr n)
{
    int rc = 0;

    for ( xmlNodePtr c = n->children; c && !rc; c = c->next )
    {
        if ( c->type != XML_ELEMENT_NODE )
            continue;
        if ( is(c, "element") && attr(c, "name") )
        {
            /* a described element with no element children still has a rule set: empty */
            if ( !r->root && is(n, "start") )
                r->root = attr(c, "name");
            rc = add(r, attr(c, "name"), "", false, false);
            if ( !rc )
                rc = walk(r, grammar, c, attr(c, "name"), false, false, 0);
        }
        if ( !rc )
            rc = each_element(r, grammar, c);
    }
    return rc;
}

int schema_rules_read(xmlDocPtr rng, struct schema_rules *r)
{
    xmlNodePtr grammar = xmlDocGetRootElement(rng);

    r->n = 0;
    r->root = NULL;
    if ( !grammar || !is(grammar, "grammar") || each_element(r, grammar, grammar) || !r->root )
        return -EINVAL;
    return 0;
}

bool schema_knows(const struct schema_rules *r, const char *name)
{
    return schema_rule_for(r, name, "") != NULL;
}

const struct schema_rule *schema_rule_for(const struct schema_rules *r, const char *parent,
                                          const char *child)
{
    for ( unsigned int i = 0; i < r->n; i++ )
        if ( strcmp(r->rule[i].parent, parent) == 0 &&
             (!r->rule[i].child || strcmp(r->rule[i].child, child) == 0) )
            return &r->rule[i];
    return NULL;
}
