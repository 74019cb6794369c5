/* test-entity-extractor.c — each family of entity rules on small made-up
 * sentences (never the sample articles, whose figures are checked by the
 * entities-quality test)
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "mekong-core.h"

static GPtrArray *
extract (const char *title,
         const char *body)
{
  g_autoptr(MkEntityExtractor) extractor = mk_entity_extractor_new ();

  return mk_entity_extractor_extract (extractor, title, body);
}

/* The entity of @type whose label (the article's fullest form) is @label. */
static MkEntity *
find (GPtrArray    *entities,
      MkEntityType  type,
      const char   *label)
{
  for (guint i = 0; i < entities->len; i++)
    {
      MkEntity *entity = g_ptr_array_index (entities, i);

      if (mk_entity_get_entity_type (entity) == type && g_strcmp0 (mk_entity_get_label (entity), label) == 0)
        return entity;
    }

  return NULL;
}

static gboolean
has_label (GPtrArray  *entities,
           const char *label)
{
  for (guint i = 0; i < entities->len; i++)
    if (g_strcmp0 (mk_entity_get_label (g_ptr_array_index (entities, i)), label) == 0)
      return TRUE;

  return FALSE;
}

static gboolean
has_alias (MkEntity   *entity,
           const char *alias)
{
  GPtrArray *aliases = mk_entity_get_aliases (entity);

  for (guint i = 0; i < aliases->len; i++)
    if (g_str_equal (g_ptr_array_index (aliases, i), alias))
      return TRUE;

  return FALSE;
}

/* The text of each mention, from its character offsets. */
static GStrv
mention_texts (MkEntity   *entity,
               const char *title,
               const char *body)
{
  GArray *mentions = mk_entity_get_mentions (entity);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < mentions->len; i++)
    {
      MkMention *mention = &g_array_index (mentions, MkMention, i);
      const char *text = mention->in_title ? title : body;
      const char *start = g_utf8_offset_to_pointer (text, mention->start);
      const char *end = g_utf8_offset_to_pointer (text, mention->end);
      g_autofree char *part = g_strndup (start, end - start);

      g_strv_builder_add (builder, part);
    }

  return g_strv_builder_end (builder);
}

static void
assert_mentions (MkEntity           *entity,
                 const char         *title,
                 const char         *body,
                 const char * const *expected)
{
  g_auto(GStrv) texts = NULL;

  g_assert_nonnull (entity);
  texts = mention_texts (entity, title, body);
  g_assert_cmpstrv (texts, expected);
}

/* Places ------------------------------------------------------------------- */

static void
test_places_spellings (void)
{
  const char *body = "Delegates from Ha Noi, HÀ NỘI and Hanoi met in Viet Nam, "
                     "not far from the Lao PDR. Việt Nam and Laos agreed.";
  g_autoptr(GPtrArray) entities = extract (NULL, body);
  MkEntity *hanoi = NULL, *vietnam = NULL, *laos = NULL;

  for (guint i = 0; i < entities->len; i++)
    {
      MkEntity *entity = g_ptr_array_index (entities, i);

      if (g_str_equal (mk_entity_get_name (entity), "Hanoi"))
        hanoi = entity;
      else if (g_str_equal (mk_entity_get_name (entity), "Vietnam"))
        vietnam = entity;
      else if (g_str_equal (mk_entity_get_name (entity), "Laos"))
        laos = entity;
    }

  /* One entity each, named as the gazetteer names it, with coordinates. */
  g_assert_cmpuint (entities->len, ==, 3);
  assert_mentions (hanoi, NULL, body, (const char *[]) { "Ha Noi", "HÀ NỘI", "Hanoi", NULL });
  assert_mentions (vietnam, NULL, body, (const char *[]) { "Viet Nam", "Việt Nam", NULL });
  assert_mentions (laos, NULL, body, (const char *[]) { "Lao PDR", "Laos", NULL });
  g_assert_true (mk_entity_has_location (hanoi));
  g_assert_cmpfloat_with_epsilon (mk_entity_get_latitude (hanoi), 21.0, 0.5);
  g_assert_cmpfloat_with_epsilon (mk_entity_get_longitude (hanoi), 105.8, 0.5);
  /* The label prefers a form not in capitals. */
  g_assert_cmpstr (mk_entity_get_label (hanoi), ==, "Ha Noi");
}

static void
test_places_demonyms_excluded (void)
{
  g_autoptr(GPtrArray) entities = extract (NULL, "The Lao delegation and Vietnamese experts "
                                                 "met Laotian farmers and Thai traders.");

  g_assert_cmpuint (entities->len, ==, 0);
}

static void
test_places_by_context (void)
{
  const char *body = "Floods hit Muong Lat district and the banks of the Ma River, "
                     "near the Na Meo border gate, Son said.";
  g_autoptr(GPtrArray) entities = extract (NULL, body);

  /* Not in the gazetteer, but named as places by what follows them. */
  g_assert_nonnull (find (entities, MK_ENTITY_PLACE, "Muong Lat"));
  g_assert_nonnull (find (entities, MK_ENTITY_PLACE, "Ma River"));
  g_assert_nonnull (find (entities, MK_ENTITY_PLACE, "Na Meo"));
  g_assert_false (mk_entity_has_location (find (entities, MK_ENTITY_PLACE, "Muong Lat")));
}

static void
test_places_possessive_and_pairs (void)
{
  const char *body = "Cambodia’s capital hosted the Thailand-Myanmar talks.";
  g_autoptr(GPtrArray) entities = extract (NULL, body);

  /* The possessive is not part of the mention; a pair is two places. */
  assert_mentions (find (entities, MK_ENTITY_PLACE, "Cambodia"), NULL, body,
                   (const char *[]) { "Cambodia", NULL });
  g_assert_nonnull (find (entities, MK_ENTITY_PLACE, "Thailand"));
  g_assert_nonnull (find (entities, MK_ENTITY_PLACE, "Myanmar"));
}

/* Organisations ------------------------------------------------------------- */

static void
test_orgs_head_words (void)
{
  const char *body = "The Cambodian Ministry of Posts and Telecommunications and the "
                     "Thai Rice Exporters Association met the Vietnam Fatherland Front.";
  g_autoptr(GPtrArray) entities = extract (NULL, body);

  g_assert_nonnull (find (entities, MK_ENTITY_ORGANIZATION, "Cambodian Ministry of Posts and Telecommunications"));
  g_assert_nonnull (find (entities, MK_ENTITY_ORGANIZATION, "Thai Rice Exporters Association"));
  /* The country inside the name is no mention of its own. */
  g_assert_nonnull (find (entities, MK_ENTITY_ORGANIZATION, "Vietnam Fatherland Front"));
  g_assert_null (find (entities, MK_ENTITY_PLACE, "Vietnam"));
  g_assert_null (find (entities, MK_ENTITY_PLACE, "Cambodia"));
}

static void
test_orgs_lists_inside_names (void)
{
  const char *body = "The Ministry of Culture, Sports and Tourism and the Ministry of Health "
                     "and Thailand signed a plan.";
  g_autoptr(GPtrArray) entities = extract (NULL, body);

  g_assert_nonnull (find (entities, MK_ENTITY_ORGANIZATION, "Ministry of Culture, Sports and Tourism"));
  /* "and Thailand" starts a name of its own. */
  g_assert_nonnull (find (entities, MK_ENTITY_ORGANIZATION, "Ministry of Health"));
  g_assert_nonnull (find (entities, MK_ENTITY_PLACE, "Thailand"));
}

static void
test_orgs_generic_phrases (void)
{
  g_autoptr(GPtrArray) entities = extract (NULL, "The Ministry said the Party and the Vietnamese "
                                                 "Government, and the two ministries, agreed with "
                                                 "the Thai Committee.");

  g_assert_cmpuint (entities->len, ==, 0);
}

static void
test_orgs_events_and_documents (void)
{
  const char *body = "The 12th Mekong Farmers Union Annual Meeting adopted a Memorandum of "
                     "Understanding and the Law on Fisheries.";
  g_autoptr(GPtrArray) entities = extract (NULL, body);

  /* The body inside the event's name is named; the event and the
   * documents are not entities. */
  g_assert_nonnull (find (entities, MK_ENTITY_ORGANIZATION, "Mekong Farmers Union"));
  g_assert_cmpuint (entities->len, ==, 1);
}

static void
test_orgs_qualified_forms (void)
{
  const char *body = "The Cambodian Ministry of Rural Development and the Ministry of Rural "
                     "Development of Thailand met. Later the Ministry of Rural Development said "
                     "Cambodia would host the next round.";
  g_autoptr(GPtrArray) entities = extract (NULL, body);
  MkEntity *cambodian = find (entities, MK_ENTITY_ORGANIZATION, "Cambodian Ministry of Rural Development");
  MkEntity *thai = find (entities, MK_ENTITY_ORGANIZATION, "Ministry of Rural Development of Thailand");

  /* Two countries, two bodies; the bare form is the last one named. */
  g_assert_nonnull (cambodian);
  g_assert_nonnull (thai);
  g_assert_cmpuint (mk_entity_get_mentions (thai)->len, ==, 2);
  /* "X of Country" is an alias for merging across the archive. */
  g_assert_true (has_alias (cambodian, "Ministry of Rural Development of Cambodia"));
}

static void
test_orgs_possessive_owner (void)
{
  const char *body = "The FAO’s Regional Office for Asia trained staff of Thailand’s "
                     "Department of Fisheries.";
  g_autoptr(GPtrArray) entities = extract (NULL, body);

  g_assert_nonnull (find (entities, MK_ENTITY_ORGANIZATION, "Regional Office for Asia"));
  g_assert_nonnull (find (entities, MK_ENTITY_ORGANIZATION, "FAO"));
  g_assert_nonnull (find (entities, MK_ENTITY_ORGANIZATION, "Department of Fisheries"));
  g_assert_true (has_alias (find (entities, MK_ENTITY_ORGANIZATION, "Department of Fisheries"),
                            "Department of Fisheries of Thailand"));
}

static void
test_orgs_known_bodies (void)
{
  const char *body = "Xinhua and the Voice of Vietnam reported that UNICEF and the World Bank "
                     "would help. Who pays? WHO does.";
  g_autoptr(GPtrArray) entities = extract (NULL, body);

  g_assert_nonnull (find (entities, MK_ENTITY_ORGANIZATION, "Xinhua"));
  g_assert_true (has_alias (find (entities, MK_ENTITY_ORGANIZATION, "Voice of Vietnam"), "VOV"));
  g_assert_nonnull (find (entities, MK_ENTITY_ORGANIZATION, "UNICEF"));
  g_assert_nonnull (find (entities, MK_ENTITY_ORGANIZATION, "World Bank"));
  /* Acronyms match only in capitals. */
  assert_mentions (find (entities, MK_ENTITY_ORGANIZATION, "WHO"), NULL, body,
                   (const char *[]) { "WHO", NULL });
  g_assert_null (find (entities, MK_ENTITY_PLACE, "Vietnam"));
}

/* Acronyms ---------------------------------------------------------------------- */

static void
test_acronyms_definitions (void)
{
  const char *body = "The Cambodian Rice Federation (CRF) met the Mekong Delta Rice Institute. "
                     "CRF members and MDRI staff discussed a memorandum of agreement (MoA) and "
                     "universal basic income (UBI). The UBI idea and the NGOs were praised.";
  g_autoptr(GPtrArray) entities = extract (NULL, body);
  MkEntity *crf = find (entities, MK_ENTITY_ORGANIZATION, "Cambodian Rice Federation");
  MkEntity *mdri = find (entities, MK_ENTITY_ORGANIZATION, "Mekong Delta Rice Institute");

  assert_mentions (crf, NULL, body, (const char *[]) { "Cambodian Rice Federation", "CRF", "CRF", NULL });
  g_assert_true (has_alias (crf, "CRF"));
  /* An acronym of an organisation's initials is that organisation. */
  assert_mentions (mdri, NULL, body, (const char *[]) { "Mekong Delta Rice Institute", "MDRI", NULL });
  /* Spelled out in lower case: a word, not a body. Plurals name no one. */
  g_assert_false (has_label (entities, "MoA"));
  g_assert_false (has_label (entities, "UBI"));
  g_assert_false (has_label (entities, "NGOs"));
}

static void
test_acronyms_unknown_and_datelines (void)
{
  const char *body = "Phnom Penh (AKP) - Officials of the MPWT and the KRCS met. "
                     "GDP grew and COVID-19 cases fell. — XYZ";
  g_autoptr(GPtrArray) entities = extract (NULL, body);

  /* A dateline's agency is no definition of the place before it. */
  g_assert_nonnull (find (entities, MK_ENTITY_PLACE, "Phnom Penh"));
  g_assert_nonnull (find (entities, MK_ENTITY_ORGANIZATION, "AKP"));
  g_assert_nonnull (find (entities, MK_ENTITY_ORGANIZATION, "MPWT"));
  g_assert_nonnull (find (entities, MK_ENTITY_ORGANIZATION, "KRCS"));
  g_assert_nonnull (find (entities, MK_ENTITY_ORGANIZATION, "XYZ"));
  g_assert_false (has_label (entities, "GDP"));
  g_assert_false (has_label (entities, "COVID"));
}

/* People ---------------------------------------------------------------------------- */

static void
test_people_titles_stripped (void)
{
  const char *body = "Senior Lieutenant General Trần Quang Phương met Deputy Prime Minister "
                     "Somsavat Lengsavad and Gen. Prayut Chan-o-cha, then Mr Kim Sokha.";
  g_autoptr(GPtrArray) entities = extract (NULL, body);

  g_assert_nonnull (find (entities, MK_ENTITY_PERSON, "Trần Quang Phương"));
  g_assert_nonnull (find (entities, MK_ENTITY_PERSON, "Somsavat Lengsavad"));
  g_assert_nonnull (find (entities, MK_ENTITY_PERSON, "Prayut Chan-o-cha"));
  g_assert_nonnull (find (entities, MK_ENTITY_PERSON, "Kim Sokha"));
  g_assert_cmpuint (entities->len, ==, 4);
}

static void
test_people_titles_with_portfolios (void)
{
  const char *body = "Minister of Agriculture and Forestry Linkham Douangsavanh met Minister of "
                     "Industry and Trade Nguyen Hong Dien and the President of Cambodia Hun Manet.";
  g_autoptr(GPtrArray) entities = extract (NULL, body);

  /* The portfolio is part of the title, not of the name, and no body. */
  g_assert_nonnull (find (entities, MK_ENTITY_PERSON, "Linkham Douangsavanh"));
  g_assert_nonnull (find (entities, MK_ENTITY_PERSON, "Nguyen Hong Dien"));
  g_assert_nonnull (find (entities, MK_ENTITY_PERSON, "Hun Manet"));
  g_assert_nonnull (find (entities, MK_ENTITY_PLACE, "Cambodia"));
  g_assert_cmpuint (entities->len, ==, 4);
}

static void
test_people_vietnamese_names (void)
{
  const char *body = "Lê Thị Hồng Nhung and Pham Van Tuan visited Ha Long and Long An. "
                     "Social Welfare expert Bui Quang Minh joined them.";
  g_autoptr(GPtrArray) entities = extract (NULL, body);

  /* A family name and Vietnamese syllables make a name without a title;
   * a place in the gazetteer stays a place. */
  g_assert_nonnull (find (entities, MK_ENTITY_PERSON, "Lê Thị Hồng Nhung"));
  g_assert_nonnull (find (entities, MK_ENTITY_PERSON, "Pham Van Tuan"));
  g_assert_nonnull (find (entities, MK_ENTITY_PERSON, "Bui Quang Minh"));
  g_assert_nonnull (find (entities, MK_ENTITY_PLACE, "Ha Long"));
  g_assert_nonnull (find (entities, MK_ENTITY_PLACE, "Long An"));
  g_assert_false (has_label (entities, "Social Welfare"));
}

static void
test_people_short_forms (void)
{
  const char *body = "Prime Minister Nguyễn Văn Bình met Minister of Finance Sanya Praseuth. "
                     "Bình said trade grew. Sanya agreed, and Praseuth thanked PM Bình. "
                     "Later Mr Sanya left for Vinh, where Bình was born.";
  g_autoptr(GPtrArray) entities = extract (NULL, body);

  assert_mentions (find (entities, MK_ENTITY_PERSON, "Nguyễn Văn Bình"), NULL, body,
                   (const char *[]) { "Nguyễn Văn Bình", "Bình", "Bình", "Bình", NULL });
  /* Other names are shortened to either end. */
  assert_mentions (find (entities, MK_ENTITY_PERSON, "Sanya Praseuth"), NULL, body,
                   (const char *[]) { "Sanya Praseuth", "Sanya", "Praseuth", "Sanya", NULL });
  g_assert_nonnull (find (entities, MK_ENTITY_PLACE, "Vinh"));
  /* Short forms are no aliases: "Bình" would merge every Bình. */
  g_assert_cmpuint (mk_entity_get_aliases (find (entities, MK_ENTITY_PERSON, "Nguyễn Văn Bình"))->len, ==, 0);
}

static void
test_people_roles_and_credits (void)
{
  const char *body = "He met his Thai counterpart Jurin Laksanawisit.\n\n"
                     "A farmer in the field (Photo: Nhan Dan)\n\n"
                     "Translated by Thu Hien, photos by Tran Viet/VNA";
  g_autoptr(GPtrArray) entities = extract (NULL, body);

  g_assert_nonnull (find (entities, MK_ENTITY_PERSON, "Jurin Laksanawisit"));
  g_assert_nonnull (find (entities, MK_ENTITY_ORGANIZATION, "Nhan Dan"));
  g_assert_nonnull (find (entities, MK_ENTITY_PERSON, "Thu Hien"));
  g_assert_nonnull (find (entities, MK_ENTITY_PERSON, "Tran Viet"));
  g_assert_nonnull (find (entities, MK_ENTITY_ORGANIZATION, "VNA"));
}

/* The article as a whole ------------------------------------------------------------ */

static void
test_title_mentions (void)
{
  const char *title = "Cambodia and Thailand reopen border";
  const char *body = "The two countries reopened the border with Cambodia's help.";
  g_autoptr(GPtrArray) entities = extract (title, body);
  MkEntity *cambodia = find (entities, MK_ENTITY_PLACE, "Cambodia");
  GArray *mentions = mk_entity_get_mentions (cambodia);

  g_assert_cmpuint (mentions->len, ==, 2);
  g_assert_true (g_array_index (mentions, MkMention, 0).in_title);
  g_assert_cmpint (g_array_index (mentions, MkMention, 0).start, ==, 0);
  g_assert_false (g_array_index (mentions, MkMention, 1).in_title);
  /* Only the title names Thailand: it is still the article's. */
  g_assert_nonnull (find (entities, MK_ENTITY_PLACE, "Thailand"));
}

static void
test_order_and_empty_input (void)
{
  g_autoptr(GPtrArray) none = extract (NULL, "");
  g_autoptr(GPtrArray) null_body = extract (NULL, NULL);
  g_autoptr(GPtrArray) entities = extract (NULL, "Lao Airlines flew to Bangkok from Pakse.");

  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpuint (null_body->len, ==, 0);
  /* In order of first mention. */
  g_assert_cmpuint (entities->len, ==, 3);
  g_assert_cmpstr (mk_entity_get_label (g_ptr_array_index (entities, 0)), ==, "Lao Airlines");
  g_assert_cmpstr (mk_entity_get_label (g_ptr_array_index (entities, 1)), ==, "Bangkok");
  g_assert_cmpstr (mk_entity_get_label (g_ptr_array_index (entities, 2)), ==, "Pakse");
}

static void
test_hostile_text (void)
{
  GString *text = g_string_new (NULL);
  g_autoptr(GPtrArray) entities = NULL;

  /* Long runs of capitals, brackets and dashes, apostrophes at odd
   * places: no crash, no mention outside the text. */
  for (int i = 0; i < 2000; i++)
    g_string_append (text, "A’ (B) - C-D ’s Ministry of of ( ) AB’ ");
  entities = extract ("’", text->str);
  for (guint i = 0; i < entities->len; i++)
    {
      GArray *mentions = mk_entity_get_mentions (g_ptr_array_index (entities, i));

      for (guint j = 0; j < mentions->len; j++)
        g_assert_cmpint (g_array_index (mentions, MkMention, j).end, <=, (int) g_utf8_strlen (text->str, -1));
    }
  g_string_free (text, TRUE);
}

static void
test_entity_keys (void)
{
  const char *same[][2] = {
    { "Viet Nam", "VIỆT NAM" },
    { "Hà Nội", "hanoi" },
    { "Đà Nẵng", "Da-Nang" },
    { "Lao People's Democratic Republic", "LAO PEOPLE’S DEMOCRATIC REPUBLIC" },
    { "Laos’", "Laos" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (same); i++)
    {
      g_autofree char *a = mk_entity_key (same[i][0]);
      g_autofree char *b = mk_entity_key (same[i][1]);

      g_assert_cmpstr (a, ==, b);
    }
}

static void
test_gazetteer_data (void)
{
  MkGazetteer *gazetteer = mk_gazetteer_get_default ();
  g_autofree char *key = mk_entity_key ("Viêng Chăn");
  g_autoptr(GError) error = NULL;
  g_autoptr(MkGazetteer) broken = mk_gazetteer_new_from_data ("city\tNowhere\tnorth\t0\n", "", &error);

  g_assert_cmpuint (mk_gazetteer_get_n_entries (gazetteer), >, 250);
  g_assert_cmpstr (mk_gazetteer_lookup (gazetteer, MK_ENTITY_PLACE, key)->name, ==, "Vientiane");
  g_assert_cmpstr (mk_gazetteer_lookup_demonym (gazetteer, "laotian")->name, ==, "Laos");
  g_assert_cmpstr (mk_gazetteer_lookup_acronym (gazetteer, "VNA")->name, ==, "Vietnam News Agency");
  g_assert_null (mk_gazetteer_lookup_acronym (gazetteer, "Vna"));
  g_assert_null (broken);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/entities/places/spellings", test_places_spellings);
  g_test_add_func ("/entities/places/demonyms-excluded", test_places_demonyms_excluded);
  g_test_add_func ("/entities/places/by-context", test_places_by_context);
  g_test_add_func ("/entities/places/possessive-and-pairs", test_places_possessive_and_pairs);
  g_test_add_func ("/entities/orgs/head-words", test_orgs_head_words);
  g_test_add_func ("/entities/orgs/lists-inside-names", test_orgs_lists_inside_names);
  g_test_add_func ("/entities/orgs/generic-phrases", test_orgs_generic_phrases);
  g_test_add_func ("/entities/orgs/events-and-documents", test_orgs_events_and_documents);
  g_test_add_func ("/entities/orgs/qualified-forms", test_orgs_qualified_forms);
  g_test_add_func ("/entities/orgs/possessive-owner", test_orgs_possessive_owner);
  g_test_add_func ("/entities/orgs/known-bodies", test_orgs_known_bodies);
  g_test_add_func ("/entities/acronyms/definitions", test_acronyms_definitions);
  g_test_add_func ("/entities/acronyms/unknown-and-datelines", test_acronyms_unknown_and_datelines);
  g_test_add_func ("/entities/people/titles-stripped", test_people_titles_stripped);
  g_test_add_func ("/entities/people/titles-with-portfolios", test_people_titles_with_portfolios);
  g_test_add_func ("/entities/people/vietnamese-names", test_people_vietnamese_names);
  g_test_add_func ("/entities/people/short-forms", test_people_short_forms);
  g_test_add_func ("/entities/people/roles-and-credits", test_people_roles_and_credits);
  g_test_add_func ("/entities/article/title-mentions", test_title_mentions);
  g_test_add_func ("/entities/article/order-and-empty-input", test_order_and_empty_input);
  g_test_add_func ("/entities/article/hostile-text", test_hostile_text);
  g_test_add_func ("/entities/keys", test_entity_keys);
  g_test_add_func ("/entities/gazetteer", test_gazetteer_data);

  return g_test_run ();
}
