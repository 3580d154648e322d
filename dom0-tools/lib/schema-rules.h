/*
 * Content rules read from the RelaxNG schema itself: for each element, the
 * child elements it may contain, whether one may repeat and whether one is
 * required. libxml2's RelaxNG validator is exact but its messages inside
 * <interleave> do not say which element is wrong; checking these rules
 * first gives "unknown element 'tpm' in <devices>", "missing <name>", "more
 * than one <memory>" with the line - from the same schema, so there is one
 * definition of the format. RelaxNG then checks everything else.
 */
#ifndef DOM0_SCHEMA_RULES_H
#define DOM0_SCHEMA_RULES_H

#include <stdbool.h>
#include <libxml/tree.h>

struct schema_rule {
    const char *parent, *child;     /* child NULL: any element may appear in parent;
                                     * child "": parent is described (multiple: twice,
                                     * so its children's `required` is not enforced) */
    bool multiple, required;
};

struct schema_rules {
    struct schema_rule rule[256];
    unsigned int n;
    const char *root;
};

/* 0, or -EINVAL if the schema is not one this reader understands */
int schema_rules_read(xmlDocPtr rng, struct schema_rules *r);

/* does the schema describe element `name`'s content at all? */
bool schema_knows(const struct schema_rules *r, const char *name);
const struct schema_rule *schema_rule_for(const struct schema_rules *r, const char *parent,
                                          const char *child);

#endif
