/* test-gazetteer.c — the bundled gazetteer finds places as articles spell them
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "mekong-core.h"

static const MkGazetteerEntry *
lookup (const char *name)
{
  return mk_gazetteer_lookup_place (mk_gazetteer_get_default (), name);
}

static void
assert_place (const char *spelling,
              const char *name,
              const char *kind,
              const char *country)
{
  const MkGazetteerEntry *entry = lookup (spelling);

  if (entry == NULL)
    g_error ("no place for “%s”", spelling);
  g_assert_cmpstr (entry->name, ==, name);
  g_assert_cmpstr (entry->kind, ==, kind);
  g_assert_cmpstr (entry->country, ==, country);
  g_assert_true (entry->has_location);
}

static void
assert_near (const char *name,
             double      latitude,
             double      longitude)
{
  const MkGazetteerEntry *entry = lookup (name);

  g_assert_nonnull (entry);
  g_assert_cmpfloat_with_epsilon (entry->latitude, latitude, 0.5);
  g_assert_cmpfloat_with_epsilon (entry->longitude, longitude, 0.5);
}

/* Hà Nội, Ha Noi and Hanoi are one city, with or without diacritics. */
static void
test_gazetteer_diacritics (void)
{
  assert_place ("Hà Nội", "Hanoi", "city", "VN");
  assert_place ("Ha Noi", "Hanoi", "city", "VN");
  assert_place ("HANOI", "Hanoi", "city", "VN");
  assert_place ("Quảng Nam", "Quang Nam", "province", "VN");
  assert_place ("Quang Nam", "Quang Nam", "province", "VN");
  assert_place ("Nghệ An", "Nghe An", "province", "VN");
  assert_place ("Thành phố Hồ Chí Minh", "Ho Chi Minh City", "city", "VN");
  assert_place ("Đà Nẵng", "Da Nang", "city", "VN");
  assert_place ("Việt Nam", "Vietnam", "country", "VN");
  /* A town the hand-written list lacks: the package gives it. */
  assert_place ("Phan Thiết", "Phan Thiet", "city", "VN");
}

/* English, French-era and Lao spellings of Lao places. */
static void
test_gazetteer_english_forms (void)
{
  assert_place ("Vientiane", "Vientiane", "city", "LA");
  assert_place ("Viangchan", "Vientiane", "city", "LA");
  assert_place ("Lao PDR", "Laos", "country", "LA");
  assert_place ("Louangphabang", "Luang Prabang", "province", "LA");
  assert_place ("Xiangkhouang", "Xieng Khouang", "province", "LA");
  assert_place ("Saigon", "Ho Chi Minh City", "city", "VN");
  assert_place ("Burma", "Myanmar", "country", "MM");
  assert_place ("Nay Pyi Taw", "Naypyidaw", "city", "MM");
  assert_place ("Phnom Penh", "Phnom Penh", "city", "KH");
}

/* Older articles name provinces that merged in 2025: they stay places of
 * their own, and say which unit they joined. */
static void
test_gazetteer_old_provinces (void)
{
  const struct { const char *old; const char *joined; } mergers[] = {
    { "Quảng Nam", "Da Nang" },
    { "Ha Giang", "Tuyen Quang" },
    { "Bình Dương", "Ho Chi Minh City" },
    { "Ba Ria - Vung Tau", "Ho Chi Minh City" },
    { "Hà Nam", "Ninh Binh" },
    { "Kon Tum", "Quang Ngai" },
    { "Thua Thien Hue", "Hue" },
    { "Nghe An", "Nghe An" },
  };
  GHashTable *units = g_hash_table_new (g_str_hash, g_str_equal);
  const char *unit_names[] = {
    "Hanoi", "Hue", "Lai Chau", "Dien Bien", "Son La", "Lang Son", "Quang Ninh",
    "Thanh Hoa", "Nghe An", "Ha Tinh", "Cao Bang", "Tuyen Quang", "Lao Cai",
    "Thai Nguyen", "Phu Tho", "Bac Ninh", "Hung Yen", "Hai Phong", "Ninh Binh",
    "Quang Tri", "Da Nang", "Quang Ngai", "Gia Lai", "Khanh Hoa", "Lam Dong",
    "Dak Lak", "Ho Chi Minh City", "Dong Nai", "Tay Ninh", "Can Tho",
    "Vinh Long", "Dong Thap", "Ca Mau", "An Giang",
  };

  for (guint i = 0; i < G_N_ELEMENTS (mergers); i++)
    {
      const MkGazetteerEntry *entry = lookup (mergers[i].old);

      g_assert_nonnull (entry);
      g_assert_cmpstr (entry->kind, ==, "province");
      g_assert_cmpstr (entry->joined, ==, mergers[i].joined);
    }

  /* Every unit of 2025 is in the gazetteer, and is its own unit. */
  g_assert_cmpuint (G_N_ELEMENTS (unit_names), ==, 34);
  for (guint i = 0; i < G_N_ELEMENTS (unit_names); i++)
    {
      const MkGazetteerEntry *entry = lookup (unit_names[i]);

      g_assert_nonnull (entry);
      g_assert_cmpstr (entry->joined, ==, entry->name);
      g_hash_table_add (units, (gpointer) entry->name);
    }
  g_assert_cmpuint (g_hash_table_size (units), ==, 34);
  g_hash_table_unref (units);
}

/* Coordinates put places where they are: a marker on the wrong side of a
 * border would mislead. */
static void
test_gazetteer_coordinates (void)
{
  assert_near ("Hanoi", 21.03, 105.85);
  assert_near ("Vientiane", 17.97, 102.61);
  assert_near ("Quang Nam", 15.5, 108.0);
  assert_near ("Nghe An", 19.2, 104.9);
  assert_near ("Bangkok", 13.75, 100.5);
  assert_near ("Luang Prabang", 20.0, 102.6);
}

/* Every country of ISO 3166-1, not only the ones near Vietnam. */
static void
test_gazetteer_countries (void)
{
  assert_place ("Iceland", "Iceland", "country", "IS");
  assert_place ("Greenland", "Greenland", "country", "GL");
  assert_place ("Côte d'Ivoire", "Côte d'Ivoire", "country", "CI");
  assert_place ("Timor-Leste", "Timor-Leste", "country", "TL");
  assert_place ("East Timor", "Timor-Leste", "country", "TL");
  /* Words first, never the territory of the same name. */
  g_assert_null (lookup ("reunion"));
  g_assert_null (lookup ("Kaysone Phomvihane"));
  g_assert_cmpuint (mk_gazetteer_get_n_entries (mk_gazetteer_get_default ()), >, 400);
}

/* The columns after the demonyms are optional, and a bad coordinate is one
 * clear error. */
static void
test_gazetteer_parse (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MkGazetteer) gazetteer = NULL;
  const MkGazetteerEntry *entry;

  gazetteer = mk_gazetteer_new_from_data ("city\tVinh\t18.67\t105.69\n"
                                          "province\tHa Nam\t20.5\t105.9\tHà Nam\t\tVN\tNinh Binh\n",
                                          "ASEAN\n", &error);
  g_assert_no_error (error);
  entry = mk_gazetteer_lookup_place (gazetteer, "Vinh");
  g_assert_cmpstr (entry->country, ==, "");
  g_assert_cmpstr (entry->joined, ==, "");
  entry = mk_gazetteer_lookup_place (gazetteer, "ha nam");
  g_assert_cmpstr (entry->country, ==, "VN");
  g_assert_cmpstr (entry->joined, ==, "Ninh Binh");
  g_clear_object (&gazetteer);

  gazetteer = mk_gazetteer_new_from_data ("city\tNowhere\t95\t0\n", "", &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_null (gazetteer);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gazetteer/diacritics", test_gazetteer_diacritics);
  g_test_add_func ("/gazetteer/english-forms", test_gazetteer_english_forms);
  g_test_add_func ("/gazetteer/old-provinces", test_gazetteer_old_provinces);
  g_test_add_func ("/gazetteer/coordinates", test_gazetteer_coordinates);
  g_test_add_func ("/gazetteer/countries", test_gazetteer_countries);
  g_test_add_func ("/gazetteer/parse", test_gazetteer_parse);

  return g_test_run ();
}
