/* mk-xml.h — reading XML from the network safely and tolerantly
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

/* No feed or subscription list is larger; refused before parsing. */
#define MK_XML_MAX_SIZE (16 * 1024 * 1024)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

char       *mk_xml_dup_utf8        (const char  *data,
                                    gsize        length,
                                    gsize       *out_length);
xmlDoc     *mk_xml_read            (const char  *data,
                                    gsize        length,
                                    const char  *base_url,
                                    GError     **error);
const char *mk_xml_local_name      (xmlNode     *node);
gboolean    mk_xml_is              (xmlNode     *node,
                                    const char  *local_name);
xmlNode    *mk_xml_child           (xmlNode     *parent,
                                    const char  *local_name);
char       *mk_xml_dup_text        (xmlNode     *node);
char       *mk_xml_dup_child_text  (xmlNode     *parent,
                                    const char  *local_name);
char       *mk_xml_dup_attribute   (xmlNode     *node,
                                    const char  *name);
char       *mk_xml_dup_inner_xml   (xmlNode     *node);
char       *mk_xml_root_name       (const char  *data,
                                    gsize        length);

G_END_DECLS
