/* mk-entity-lexicon.h — the word lists behind the entity rules (private)
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Each list is a set of entity keys (mk_entity_key(): folded, lower case,
 * no punctuation). mk-entity-lexicon.c says why each list exists. */
typedef enum {
  MK_LEXICON_TITLE,            /* Minister, Colonel, Gen., Mr: before a name */
  MK_LEXICON_TITLE_MODIFIER,   /* Deputy, Senior, State: only with a title */
  MK_LEXICON_ROLE,             /* counterpart, minister: lower-case, before a name */
  MK_LEXICON_ORG_HEAD,         /* Ministry, Agency, Association: end an organisation's name */
  MK_LEXICON_FUNCTION_WORD,    /* The, In, However: never part of a name */
  MK_LEXICON_CALENDAR,         /* months and days */
  MK_LEXICON_VIETNAMESE_SURNAME,
  MK_LEXICON_NOT_AN_ACRONYM,   /* MoU, GDP, COVID: capitals that name no body */
  MK_LEXICON_CREDIT,           /* Photo, Translated (by): credit lines */
  MK_LEXICON_NOT_A_CREDIT,     /* "Photo: Internet", "Photo: File" */
  MK_LEXICON_PLACE_NOUN,       /* province, district: "Ky Son district" */
  MK_LEXICON_FEATURE,          /* River, Bay: "Ma River" */
  MK_LEXICON_EVENT,            /* Meeting, Agreement: names that are not entities */
  MK_LEXICON_GROUP_NOUN,       /* People's, Workers': possessives inside names */
  MK_LEXICON_CONNECTOR,        /* of, and, for: inside names */
  MK_LEXICON_PREPOSITION,      /* in, at, from: before a place */
  MK_N_LEXICONS
} MkLexicon;

gboolean mk_lexicon_contains (MkLexicon   lexicon,
                              const char *key);
guint    mk_lexicon_lookup   (const char *key);

G_END_DECLS
