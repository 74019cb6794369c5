/* mk-bench-generate.c — a deterministic synthetic archive for the benchmarks
 *
 * Writes N articles of about 400 words in the style of the bundled samples
 * (Vietnam–Laos cooperation: ministries, agencies, officials with their
 * titles, provinces) through the core API, the way an import would, and
 * reports the import rate and the size of the file.
 *
 * What makes it useful for search benchmarks is the shape of its vocabulary,
 * not its prose:
 *  - function words ("the", "of") are in nearly every article, as in real
 *    news;
 *  - content words come from the samples' own words followed by Debian's
 *    word list, drawn with Zipf–Mandelbrot frequencies, so the commonest
 *    content words hit roughly 5–30% of the articles and the long tail a
 *    handful (the samples alone have ~750 distinct words: every one of them
 *    would hit most articles);
 *  - names and places come with and without Vietnamese diacritics, as the
 *    outlets print them (VNS writes "Hà Nội", VNA "Hanoi", VOV "Ha Noi");
 *  - dates are uniform over 2006–2025, about 5% of articles undated.
 *
 * Which words are common depends only on the word list and the samples
 * (their order is shuffled with a fixed seed), never on --seed, so the
 * benchmark's fixed query set means the same thing for every archive. The
 * same --seed and --count give byte-identical article content (the
 * archive's own "added" timestamps aside); the digest printed at the end
 * lets a run check that.
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>

#include <glib/gstdio.h>

#include "mekong-core.h"
#include "mk-entity-extractor.h"
#include "mk-entity-index.h"

/* Bump when the output for a given seed and count changes, so cached
 * archives are made again (run-benchmarks.sh compares the stamp). */
#define GENERATOR_VERSION 2  /* 2: entities extracted during import */

#define DEFAULT_DICT       "/usr/share/dict/american-english"
#define DEFAULT_SEED       20260101
#define TRANSACTION_SIZE   2000
#define VOCABULARY_SEED    G_GUINT64_CONSTANT (0x4d656b6f6e67)  /* "Mekong" */

/* ---- a small, stable PRNG ------------------------------------------------
 * GLib's GRand is fine but its output is not promised to stay the same
 * across versions; splitmix64 is a few lines and is. */

typedef struct {
  guint64 state;
} Rng;

static guint64
rng_next (Rng *rng)
{
  guint64 z = (rng->state += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return z ^ (z >> 31);
}

static double
rng_double (Rng *rng)
{
  return (rng_next (rng) >> 11) * 0x1.0p-53;
}

static guint
rng_below (Rng   *rng,
           guint  n)
{
  return (guint) (rng_double (rng) * n);
}

static gboolean
rng_chance (Rng    *rng,
            double  p)
{
  return rng_double (rng) < p;
}

#define PICK(rng, array) ((array)[rng_below ((rng), G_N_ELEMENTS (array))])

/* ---- Zipf–Mandelbrot sampling ---------------------------------------------
 * p(rank r) ∝ 1 / (r + q)^s. The offset q flattens the head: with plain Zipf
 * the first word would be in every article. */

typedef struct {
  double *cdf;
  guint n;
} Zipf;

static void
zipf_init (Zipf   *zipf,
           guint   n,
           double  q,
           double  s)
{
  double total = 0;

  zipf->n = n;
  zipf->cdf = g_new (double, n);
  for (guint r = 0; r < n; r++)
    {
      total += 1.0 / pow (r + 1 + q, s);
      zipf->cdf[r] = total;
    }
  for (guint r = 0; r < n; r++)
    zipf->cdf[r] /= total;
}

static guint
zipf_draw (const Zipf *zipf,
           Rng        *rng)
{
  double u = rng_double (rng);
  guint lo = 0, hi = zipf->n - 1;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (zipf->cdf[mid] > u)
        hi = mid;
      else
        lo = mid + 1;
    }

  return lo;
}

/* ---- fixed material in the samples' style --------------------------------- */

static const char * const function_words[] = {
  "the", "of", "and", "to", "in", "a", "for", "on", "with", "that", "as",
  "by", "at", "from", "is", "was", "be", "will", "has", "have", "are", "its",
  "their", "this", "which", "it", "an", "also", "said", "between", "two",
  "sides", "were", "had", "been", "not", "but", "or", "more", "than", "all",
  "such", "other", "into", "over", "after", "before", "during", "under",
  "through", "he", "she", "his", "her", "they", "them", "these", "those",
  "who", "would", "should", "could", "can", "may", "must", "both", "each",
};

static const char * const prepositions[] = {
  "in", "for", "on", "with", "to", "of", "between", "through", "under",
  "within", "across", "among", "towards", "beyond",
};

static const char * const verbs[] = {
  "strengthen", "enhance", "promote", "discuss", "implement", "support",
  "improve", "develop", "share", "expand", "review", "sign", "boost",
  "consolidate", "affirm", "underline", "welcome", "praise", "propose",
  "continue", "deepen", "coordinate", "assist", "build", "train", "exchange",
  "maintain", "foster", "accelerate", "finalise",
};

static const char * const past_verbs[] = {
  "discussed", "reviewed", "agreed on", "evaluated", "highlighted",
  "praised", "stressed", "examined", "outlined", "welcomed", "proposed",
};

static const char * const auxiliaries[] = {
  "will", "should", "must", "would", "can", "may", "could",
};

static const char * const topics[] = {
  "social security", "health insurance", "social insurance", "labour",
  "employment", "vocational training", "human resources development",
  "education", "trade", "investment", "agriculture", "transport", "energy",
  "tourism", "culture", "public security", "defence", "border management",
  "digital transformation", "poverty reduction", "healthcare",
  "migrant workers", "social welfare", "infrastructure", "telecommunications",
};

static const char * const months[] = {
  "January", "February", "March", "April", "May", "June", "July", "August",
  "September", "October", "November", "December",
};

static const char * const weekdays[] = {
  "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
};

static const char * const events[] = {
  "ASEAN Social Security Association Board Meeting",
  "meeting of the Vietnam–Laos Intergovernmental Committee",
  "ASEAN Labour Ministers' Meeting", "Vietnam–Laos ministerial conference on labour",
  "session of the joint working group", "border defence friendship exchange",
  "Vietnam–Laos investment promotion conference",
};

static const char * const groups[] = {
  "the two sides", "both countries", "the two ministries", "the agencies",
  "the two provinces", "participants", "the delegations", "the two units",
};

/* Vietnamese names are built from these parts; the first entries of the
 * person list are the people of the samples, so they are among the most
 * mentioned, as in the real archive. */
static const char * const vn_family[] = {
  "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
  "Hồ", "Ngô", "Dương", "Lý", "Đào", "Cao", "Phan", "Trịnh", "Đinh", "Tô",
};
static const char * const vn_middle[] = {
  "Văn", "Thị", "Đức", "Minh", "Xuân", "Việt", "Quốc", "Thanh", "Hữu",
  "Ngọc", "Hồng", "Thu", "Anh", "Công", "Đình", "Kim",
};
static const char * const vn_given[] = {
  "Anh", "Đam", "Chính", "Thắng", "Hùng", "Lâm", "Dũng", "Hải", "Long",
  "Tuấn", "Hà", "Oanh", "Thu", "Nhung", "Hiếu", "Phúc", "Đạt", "Sơn",
  "Trung", "Bình", "Huệ", "Mai", "Lan", "Quang", "Khánh", "Nam", "Việt",
  "Thành", "Cường", "Đông",
};
static const char * const lao_first[] = {
  "Keo", "Baykham", "Phosay", "Thongloun", "Phankham", "Sonexay", "Saleumxay",
  "Bounthong", "Khamphao", "Vilay", "Sommad", "Chansamone", "Kikeo",
  "Bounleua", "Phouthone", "Somsavat", "Vilaxay", "Khampheng", "Souphan",
  "Inlavanh",
};
static const char * const lao_last[] = {
  "Chanthavixay", "Khattiya", "Sayasone", "Sisoulith", "Viphavan",
  "Siphandone", "Kommasith", "Somsak", "Phommachanh", "Vongsay",
  "Keobounphanh", "Sinlavong", "Douangsavanh", "Phetsamone", "Inthavong",
  "Xaysomphet", "Bouphavanh", "Luangkhot", "Sengdara", "Keomany",
  "Chanthalangsy", "Souvannavong", "Thammavong", "Manivong", "Phomvihane",
};

static const char * const sample_people[][2] = {
  /* full name, how the text refers to him or her later */
  { "Phạm Minh Chính", "Chính" },
  { "Vũ Đức Đam", "Đam" },
  { "Đào Việt Anh", "Anh" },
  { "Tô Lâm", "Lâm" },
  { "Cao Xuân Thắng", "Thắng" },
};
static const char * const sample_lao_people[] = {
  "Keo Chanthavixay", "Baykham Khattiya", "Phosay Sayasone",
  "Thongloun Sisoulith", "Phankham Viphavan", "Vilaxay Somsak",
};

static const char * const vn_titles[] = {
  "Deputy Prime Minister", "Prime Minister", "Minister of Labour, Invalids and Social Affairs",
  "Deputy Minister of Labour, Invalids and Social Affairs", "Minister of Public Security",
  "Minister of Home Affairs", "Deputy General Director", "General Director",
  "Senior Colonel", "Colonel", "Ambassador to Laos", "Vice President",
  "National Assembly Chairman", "Deputy Minister of Foreign Affairs",
  "Minister of Education and Training", "Minister of Health",
};
static const char * const lao_titles[] = {
  "Lao Minister of Labour and Social Welfare", "Lao Prime Minister",
  "Lao Deputy Prime Minister", "LSSO General Director", "Lao Ambassador to Vietnam",
  "Colonel", "President of Laos", "Lao Minister of Foreign Affairs",
  "Lao Deputy Minister of Health", "Governor",
};

typedef struct {
  const char *name;
  const char *acronym;
} Org;

static const Org orgs[] = {
  { "Vietnam Social Security", "VSS" },
  { "Lao Social Security Organisation", "LSSO" },
  { "Ministry of Labour, Invalids and Social Affairs", "MoLISA" },
  { "Lao Ministry of Labour and Social Welfare", "MoLSW" },
  { "Ministry of Public Security", NULL },
  { "Ministry of National Defence", "MND" },
  { "Ministry of Foreign Affairs", NULL },
  { "Ministry of Education and Training", NULL },
  { "Ministry of Health", NULL },
  { "Ministry of Planning and Investment", NULL },
  { "Ministry of Home Affairs", NULL },
  { "Vietnam General Confederation of Labour", "VGCL" },
  { "Lao Federation of Trade Unions", "LFTU" },
  { "International Labour Organization", "ILO" },
  { "Vietnam Fatherland Front", NULL },
  { "Lao Front for National Construction", "LFNC" },
  { "General Department of Political Affairs", "GDP" },
  { "Vietnam–Laos Friendship Association", NULL },
};

/* A place as the outlets print it: with diacritics, without, and the one
 * spelling English-language outlets glue together ("Hanoi"). */
typedef struct {
  const char *accented;
  const char *joined;   /* NULL: the ASCII form */
  gboolean lao;
} Place;

static const Place places[] = {
  { "Hà Nội", "Hanoi", FALSE },
  { "Đà Nẵng", "Danang", FALSE },
  { "Quảng Nam", NULL, FALSE },
  { "Nghệ An", NULL, FALSE },
  { "Hồ Chí Minh City", NULL, FALSE },
  { "Hải Phòng", NULL, FALSE },
  { "Thừa Thiên-Huế", NULL, FALSE },
  { "Quảng Trị", NULL, FALSE },
  { "Hà Tĩnh", NULL, FALSE },
  { "Sơn La", NULL, FALSE },
  { "Điện Biên", NULL, FALSE },
  { "Thanh Hóa", NULL, FALSE },
  { "Kon Tum", NULL, FALSE },
  { "Cần Thơ", NULL, FALSE },
  { "Quảng Bình", NULL, FALSE },
  { "Vientiane", NULL, TRUE },
  { "Luang Prabang", NULL, TRUE },
  { "Savannakhet", NULL, TRUE },
  { "Champasak", NULL, TRUE },
  { "Xieng Khouang", NULL, TRUE },
  { "Houaphanh", NULL, TRUE },
  { "Attapeu", NULL, TRUE },
  { "Sekong", NULL, TRUE },
  { "Oudomxay", NULL, TRUE },
  { "Bokeo", NULL, TRUE },
};

typedef enum {
  SPELL_ACCENTED,   /* Hà Nội, Việt Nam */
  SPELL_JOINED,     /* Hanoi, Vietnam */
  SPELL_ASCII,      /* Ha Noi, Vietnam */
} Spelling;

typedef enum {
  DATELINE_CITY_OUTLET,  /* "Hanoi (VNA) - " */
  DATELINE_UPPER,        /* "HÀ NỘI — " */
  DATELINE_DOMAIN,       /* "VOV.VN - " */
  DATELINE_NONE,
} Dateline;

typedef struct {
  const char *name;
  const char *slug;      /* directory for --text-dir */
  Spelling spelling;
  Dateline dateline;
  const char *tag;       /* in the dateline or the sign-off */
  double weight;
} Outlet;

static const Outlet outlets[] = {
  { "VNA", "vna", SPELL_JOINED, DATELINE_CITY_OUTLET, "VNA", 0.30 },
  { "VNS", "vns", SPELL_ACCENTED, DATELINE_UPPER, "VNS", 0.20 },
  { "VOV", "vov", SPELL_ASCII, DATELINE_DOMAIN, "VOV.VN", 0.15 },
  { "Vientiane Times", "vientiane-times", SPELL_JOINED, DATELINE_NONE, NULL, 0.10 },
  { "KPL", "kpl", SPELL_ASCII, DATELINE_CITY_OUTLET, "KPL", 0.10 },
  { "Nhân Dân", "nhan-dan", SPELL_ACCENTED, DATELINE_DOMAIN, "NDO", 0.08 },
  { "VietnamPlus", "vietnamplus", SPELL_JOINED, DATELINE_CITY_OUTLET, "VNA", 0.04 },
  { "Tuổi Trẻ", "tuoi-tre", SPELL_ACCENTED, DATELINE_UPPER, "TTO", 0.03 },
};

/* ---- the generator's state ------------------------------------------------ */

typedef struct {
  char *name[3];   /* by Spelling; Lao names are the same in all three */
  char *ref[3];
  gboolean lao;
} Person;

typedef struct {
  Rng rng;

  GPtrArray *vocabulary;   /* content words, most common first */
  Zipf word_zipf;
  GPtrArray *people;       /* of Person */
  Zipf person_zipf;
  GPtrArray *authors[3];   /* by Spelling, same order */
  Zipf author_zipf;
  double outlet_cdf[G_N_ELEMENTS (outlets)];
  gboolean chronological;  /* dates in the order of insertion */
  guint count;
  char *samples_digest;
  char *dict_digest;
} Generator;

/* One article being written. */
typedef struct {
  Generator *gen;
  const Outlet *outlet;
  Person *cast[3];
  gboolean mentioned[3];
  guint n_cast;
  gboolean themed;     /* about the samples' subject */
  GString *text;
  guint n_words;
  int year;
} Writer;

/* Vietnamese without its marks, đ included (g_str_to_ascii leaves đ as
 * "?"), which is how VNA and VOV print names. */
static char *
strip_accents (const char *text)
{
  g_autoptr(GString) plain = g_string_new (text);

  g_string_replace (plain, "Đ", "D", 0);
  g_string_replace (plain, "đ", "d", 0);
  return g_str_to_ascii (plain->str, "C");
}

static char *
spell (const char *accented,
       const char *joined,
       Spelling    spelling)
{
  switch (spelling)
    {
    case SPELL_ACCENTED:
      return g_strdup (accented);
    case SPELL_JOINED:
      if (joined != NULL)
        return g_strdup (joined);
      G_GNUC_FALLTHROUGH;
    case SPELL_ASCII:
    default:
      return strip_accents (accented);
    }
}

static Person *
person_new (const char *name,
            const char *ref,
            gboolean    lao)
{
  Person *person = g_new0 (Person, 1);

  for (int s = 0; s < 3; s++)
    {
      person->name[s] = spell (name, NULL, s);
      person->ref[s] = spell (ref, NULL, s);
    }
  person->lao = lao;
  return person;
}

static void
person_free (Person *person)
{
  for (int s = 0; s < 3; s++)
    {
      g_free (person->name[s]);
      g_free (person->ref[s]);
    }
  g_free (person);
}

/* ---- vocabulary -----------------------------------------------------------
 * The samples' own lowercase words, most frequent first, take every other
 * rank at the head; the word list, in a fixed shuffled order, fills the
 * rest. */

static gboolean
is_function_word (const char *word)
{
  for (guint i = 0; i < G_N_ELEMENTS (function_words); i++)
    if (strcmp (word, function_words[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_plain_word (const char *word)
{
  gsize n = 0;

  for (const char *p = word; *p; p++, n++)
    if (*p < 'a' || *p > 'z')
      return FALSE;
  return n >= 3;
}

typedef struct {
  const char *word;
  guint count;
} WordCount;

static int
compare_word_counts (gconstpointer a,
                     gconstpointer b)
{
  const WordCount *x = a, *y = b;

  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  return strcmp (x->word, y->word);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Words that appear lowercase in the samples: capitalised ones are names,
 * which come from the name lists instead. */
static void
add_sample_words (Generator   *gen,
                  const char  *samples_dir,
                  GHashTable  *seen,
                  GError     **error)
{
  g_autoptr(GDir) dir = g_dir_open (samples_dir, 0, error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GArray) sorted = g_array_new (FALSE, FALSE, sizeof (WordCount));
  g_autoptr(GStringChunk) chunk = g_string_chunk_new (4096);
  GHashTableIter iter;
  gpointer key, value;
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".txt"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (samples_dir, names->pdata[i], NULL);
      g_autofree char *contents = NULL;
      gsize length;
      char *p, *start;

      if (!g_file_get_contents (path, &contents, &length, error))
        return;
      g_checksum_update (checksum, (const guchar *) contents, length);

      for (p = contents; *p; )
        {
          while (*p && !g_ascii_isalpha (*p))
            p++;
          start = p;
          while (g_ascii_isalpha (*p))
            p++;
          if (p > start && g_ascii_islower (*start))
            {
              g_autofree char *token = g_strndup (start, p - start);
              char *word;
              guint count;

              if (!is_plain_word (token) || is_function_word (token))
                continue;
              word = g_string_chunk_insert_const (chunk, token);
              count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, word));
              g_hash_table_insert (counts, word, GUINT_TO_POINTER (count + 1));
            }
        }
    }

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      WordCount wc = { key, GPOINTER_TO_UINT (value) };
      g_array_append_val (sorted, wc);
    }
  g_array_sort (sorted, compare_word_counts);

  for (guint i = 0; i < sorted->len; i++)
    {
      char *word = g_strdup (g_array_index (sorted, WordCount, i).word);

      g_ptr_array_add (gen->vocabulary, word);
      g_hash_table_add (seen, word);
    }

  gen->samples_digest = g_strdup (g_checksum_get_string (checksum));
}

static gboolean
add_dictionary_words (Generator   *gen,
                      const char  *dict_path,
                      GHashTable  *seen,
                      GError     **error)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) words = g_ptr_array_new ();
  Rng shuffle = { VOCABULARY_SEED };
  gsize length;

  if (!g_file_get_contents (dict_path, &contents, &length, error))
    return FALSE;
  gen->dict_digest = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                                  (const guchar *) contents, length);

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    if (is_plain_word (lines[i]) && !is_function_word (lines[i]) &&
        !g_hash_table_contains (seen, lines[i]))
      {
        g_ptr_array_add (words, lines[i]);
        g_hash_table_add (seen, lines[i]);
      }

  /* Fisher–Yates with a fixed seed: an alphabetical list would make all
   * the common words start with "a". */
  for (guint i = words->len - 1; i > 0; i--)
    {
      guint j = rng_below (&shuffle, i + 1);
      gpointer tmp = words->pdata[i];

      words->pdata[i] = words->pdata[j];
      words->pdata[j] = tmp;
    }

  /* The samples' words (in the vocabulary so far) take every other rank at
   * the head, so the head is not all about social security. */
  {
    g_autoptr(GPtrArray) sample_words = g_steal_pointer (&gen->vocabulary);
    guint s = 0, d = 0;

    gen->vocabulary = g_ptr_array_new_full (sample_words->len + words->len, g_free);
    while (s < sample_words->len || d < words->len)
      {
        if (s < sample_words->len && (gen->vocabulary->len % 2 == 0 || d >= words->len))
          g_ptr_array_add (gen->vocabulary, g_steal_pointer (&sample_words->pdata[s++]));
        else
          g_ptr_array_add (gen->vocabulary, g_strdup (words->pdata[d++]));
      }
  }

  return TRUE;
}

/* ---- people and authors ---------------------------------------------------- */

static void
build_people (Generator *gen)
{
  Rng rng = { VOCABULARY_SEED + 1 };
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  gen->people = g_ptr_array_new_with_free_func ((GDestroyNotify) person_free);

  /* The samples' people lead the ranking, interleaved Vietnamese and Lao. */
  for (guint i = 0; i < G_N_ELEMENTS (sample_lao_people); i++)
    {
      if (i < G_N_ELEMENTS (sample_people))
        {
          g_ptr_array_add (gen->people, person_new (sample_people[i][0], sample_people[i][1], FALSE));
          g_hash_table_add (seen, g_strdup (sample_people[i][0]));
        }
      g_ptr_array_add (gen->people, person_new (sample_lao_people[i], sample_lao_people[i], TRUE));
      g_hash_table_add (seen, g_strdup (sample_lao_people[i]));
    }

  /* Then about three thousand Vietnamese and four hundred Lao names. */
  while (gen->people->len < 3400)
    {
      gboolean lao = rng_chance (&rng, 0.12);
      g_autofree char *name = NULL;
      g_autofree char *ref = NULL;

      if (lao)
        {
          name = g_strdup_printf ("%s %s", PICK (&rng, lao_first), PICK (&rng, lao_last));
          ref = g_strdup (name);
        }
      else
        {
          ref = g_strdup (PICK (&rng, vn_given));
          name = g_strdup_printf ("%s %s %s", PICK (&rng, vn_family),
                                  PICK (&rng, vn_middle), ref);
        }

      if (g_hash_table_contains (seen, name))
        continue;
      g_ptr_array_add (gen->people, person_new (name, ref, lao));
      g_hash_table_add (seen, g_steal_pointer (&name));
    }

  zipf_init (&gen->person_zipf, gen->people->len, 10, 1.0);
}

/* Bylines: "Thanh Hà" at VNS is "Thanh Ha" at VNA; Lao reporters at the
 * Lao outlets. Indexed alike for all spellings so one author is one rank. */
static void
build_authors (Generator *gen)
{
  Rng rng = { VOCABULARY_SEED + 2 };
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (int s = 0; s < 3; s++)
    gen->authors[s] = g_ptr_array_new_with_free_func (g_free);

  /* The samples' translator first. */
  for (int s = 0; s < 3; s++)
    g_ptr_array_add (gen->authors[s], spell ("Quỳnh Oanh", NULL, s));
  g_hash_table_add (seen, g_strdup ("Quỳnh Oanh"));

  while (gen->authors[0]->len < 400)
    {
      g_autofree char *name = NULL;

      if (rng_chance (&rng, 0.2))
        name = g_strdup_printf ("%s %s", PICK (&rng, lao_first), PICK (&rng, lao_last));
      else
        name = g_strdup_printf ("%s %s", PICK (&rng, vn_middle), PICK (&rng, vn_given));

      if (g_hash_table_contains (seen, name))
        continue;
      for (int s = 0; s < 3; s++)
        g_ptr_array_add (gen->authors[s], spell (name, NULL, s));
      g_hash_table_add (seen, g_steal_pointer (&name));
    }

  zipf_init (&gen->author_zipf, gen->authors[0]->len, 5, 1.0);
}

static gboolean
generator_init (Generator   *gen,
                guint64      seed,
                const char  *samples_dir,
                const char  *dict_path,
                GError     **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  double total = 0;

  gen->rng.state = seed;
  gen->vocabulary = g_ptr_array_new_with_free_func (g_free);

  add_sample_words (gen, samples_dir, seen, error);
  if (gen->samples_digest == NULL)
    return FALSE;
  /* @seen points into vocabulary's words until here; the dictionary's words
   * are added to it from their own buffer, freed on return. */
  if (!add_dictionary_words (gen, dict_path, seen, error))
    return FALSE;

  /* q = 200: the commonest content word is drawn ~0.09% of the time, which
   * with ~220 draws an article puts it in about a fifth of the articles;
   * rank 1000 is in ~2%, the tail in a handful. */
  zipf_init (&gen->word_zipf, gen->vocabulary->len, 200, 1.0);

  build_people (gen);
  build_authors (gen);

  for (guint i = 0; i < G_N_ELEMENTS (outlets); i++)
    gen->outlet_cdf[i] = (total += outlets[i].weight);

  return TRUE;
}

static void
generator_clear (Generator *gen)
{
  g_clear_pointer (&gen->vocabulary, g_ptr_array_unref);
  g_clear_pointer (&gen->people, g_ptr_array_unref);
  for (int s = 0; s < 3; s++)
    g_clear_pointer (&gen->authors[s], g_ptr_array_unref);
  g_clear_pointer (&gen->word_zipf.cdf, g_free);
  g_clear_pointer (&gen->person_zipf.cdf, g_free);
  g_clear_pointer (&gen->author_zipf.cdf, g_free);
  g_clear_pointer (&gen->samples_digest, g_free);
  g_clear_pointer (&gen->dict_digest, g_free);
}

/* ---- writing one article ------------------------------------------------------ */

static void
put (Writer     *w,
     const char *text)
{
  g_string_append (w->text, text);
  for (const char *p = text; *p; p++)
    if (*p == ' ')
      w->n_words++;
}

/* One or more words, with a space before them unless one is there. */
static void
put_word (Writer     *w,
          const char *words)
{
  if (w->text->len > 0 && w->text->str[w->text->len - 1] != ' ' &&
      w->text->str[w->text->len - 1] != '\n')
    put (w, " ");
  put (w, words);
}

static void
putf (Writer     *w,
      const char *format,
      ...) G_GNUC_PRINTF (2, 3);

static void
putf (Writer     *w,
      const char *format,
      ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  put (w, text);
}

static const char *
content_word (Writer *w)
{
  return w->gen->vocabulary->pdata[zipf_draw (&w->gen->word_zipf, &w->gen->rng)];
}

static Spelling
spelling (Writer *w)
{
  return w->outlet->spelling;
}

static const char *
vietnam (Writer *w)
{
  return spelling (w) == SPELL_ACCENTED ? "Việt Nam" : "Vietnam";
}

static char *
place_name (Writer *w,
            int     lao)  /* -1: either */
{
  const Place *place;

  do
    place = &PICK (&w->gen->rng, places);
  while (lao >= 0 && place->lao != lao);

  return spell (place->accented, place->joined, spelling (w));
}

/* Where the story was filed: Lao outlets file from Laos, the others mostly
 * from Hà Nội, which makes it the commonest place, as in the samples. */
static char *
dateline_place (Writer *w)
{
  if (strcmp (w->outlet->name, "KPL") == 0)
    return place_name (w, TRUE);
  if (rng_chance (&w->gen->rng, 0.6))
    return spell (places[0].accented, places[0].joined, spelling (w));
  return place_name (w, FALSE);
}

static gboolean
at_sentence_start (Writer *w)
{
  const char *end = w->text->str + w->text->len;

  while (end > w->text->str && end[-1] == ' ')
    end--;
  return end == w->text->str || end[-1] == '.' || end[-1] == '\n' || end[-1] == '-' ||
         g_str_has_suffix (w->text->str, "— ");
}

static const char *
ordinal_suffix (guint n)
{
  if (n % 100 >= 11 && n % 100 <= 13)
    return "th";
  switch (n % 10)
    {
    case 1: return "st";
    case 2: return "nd";
    case 3: return "rd";
    default: return "th";
    }
}

/* "the Vietnam Social Security (VSS)" */
static void
put_org (Writer *w)
{
  const Org *org = &PICK (&w->gen->rng, orgs);

  const char *article = at_sentence_start (w) ? "The" : "the";
  g_autofree char *text = NULL;

  if (org->acronym != NULL && rng_chance (&w->gen->rng, 0.5))
    text = g_strdup_printf ("%s %s (%s)", article, org->name, org->acronym);
  else
    text = g_strdup_printf ("%s %s", article, org->name);
  put_word (w, text);
}

/* Officials in the samples' subject; elsewhere anyone: "Director of the
 * larkspur company", or no title at all. */
static void
put_title (Writer *w,
           Person *person)
{
  Rng *rng = &w->gen->rng;
  double u = rng_double (rng);
  g_autofree char *role = NULL;

  if (u < (w->themed ? 0.9 : 0.35))
    put_word (w, person->lao ? PICK (rng, lao_titles) : PICK (rng, vn_titles));
  else if (u < 0.7)
    {
      role = g_strdup_printf ("%s of the %s %s", rng_chance (rng, 0.5) ? "Director" : "Head",
                              content_word (w), content_word (w));
      role[0] = g_ascii_toupper (role[0]);
      put_word (w, role);
    }
}

/* The cast's first mention is title and full name, later ones the name the
 * text uses for short ("Deputy PM Đam"). */
static void
put_person (Writer *w)
{
  guint i = rng_below (&w->gen->rng, w->n_cast);
  Person *person = w->cast[i];
  Spelling s = spelling (w);

  if (!w->mentioned[i])
    {
      put_title (w, person);
      put_word (w, person->name[s]);
      w->mentioned[i] = TRUE;
    }
  else
    put_word (w, person->ref[s]);
}

/* "the cooperation of labour", "sharks and aspects" */
static void
put_noun_phrase (Writer *w)
{
  Rng *rng = &w->gen->rng;

  switch (rng_below (rng, 7))
    {
    case 0:
      put_word (w, "the");
      put_word (w, content_word (w));
      break;
    case 1:
      put_word (w, content_word (w));
      put_word (w, content_word (w));
      break;
    case 2:
      put_word (w, "the");
      put_word (w, content_word (w));
      put_word (w, "of");
      put_word (w, content_word (w));
      break;
    case 3:
      put_word (w, content_word (w));
      put_word (w, "and");
      put_word (w, content_word (w));
      break;
    case 4:
      /* The samples' subjects, now and then. */
      put_word (w, rng_chance (rng, 0.1) ? PICK (rng, topics) : content_word (w));
      break;
    case 5:
      put_word (w, "the");
      put_word (w, content_word (w));
      put_word (w, content_word (w));
      break;
    default:
      put_word (w, "their");
      put_word (w, content_word (w));
      break;
    }
}

/* A verb of the samples now and then, else any word: the verbs list is
 * short and would otherwise be in every article. */
static const char *
verb (Writer *w)
{
  return rng_chance (&w->gen->rng, 0.2) ? PICK (&w->gen->rng, verbs) : content_word (w);
}

static void
put_capitalised (Writer     *w,
                 const char *text)
{
  g_autofree char *copy = g_strdup (text);

  copy[0] = g_ascii_toupper (copy[0]);
  put_word (w, copy);
}

/* Sentences of the samples' kind, names and numbers drawn anew. */
static void
put_template_sentence (Writer *w)
{
  Rng *rng = &w->gen->rng;
  int y1 = w->year - 5 + (int) rng_below (rng, 6);
  g_autofree char *city = place_name (w, -1);
  g_autofree char *province = place_name (w, FALSE);
  g_autofree char *lao_province = place_name (w, TRUE);

  switch (rng_below (rng, 16))
    {
    case 0:
      put_org (w);
      put (w, " is ready to further intensify the friendship and cooperation with");
      put_org (w);
      put (w, ",");
      put_person (w);
      put (w, " has said.");
      break;
    case 1:
      put (w, "Officials of");
      put_org (w);
      put (w, " and");
      put_org (w);
      putf (w, " had a working session in %s on %s %u to look into the implementation"
            " of the memorandum of understanding on cooperation for %d - %d.",
            province, PICK (rng, months), 1 + rng_below (rng, 28), y1, y1 + 5);
      break;
    case 2:
      put_person (w);
      put (w, " said");
      put_org (w);
      putf (w, ", which set up relations with its partners in %d, always attaches importance"
            " to the friendship and partnership in %s with the Lao side.",
            1976 + (int) rng_below (rng, 30), PICK (rng, topics));
      break;
    case 3:
      put (w, "He underlined the agency's readiness to step up bilateral ties to"
           " implement joint programmes in");
      put_noun_phrase (w);
      put (w, " in the coming time.");
      break;
    case 4:
      put_person (w);
      putf (w, " highly valued the outcomes of the MoU for %d - %d, stressing that"
            " enhancing %s cooperation is among the organisation's tasks.",
            y1, y1 + 5, PICK (rng, topics));
      break;
    case 5:
      putf (w, "At the meeting, the two sides also discussed a draft MoU on cooperation"
            " for %d - %d.", w->year, w->year + 3);
      break;
    case 6:
      put_org (w);
      put (w, " and");
      put_org (w);
      {
        guint nth = 10 + rng_below (rng, 40);

        putf (w, " are set to hold a signing ceremony on the sidelines of the %u%s %s in %s"
              " this %s.", nth, ordinal_suffix (nth), PICK (rng, events), city, PICK (rng, months));
      }
      break;
    case 7:
      put (w, "The two sides will conduct joint technical and research activities and"
           " improve staff capacity through seminars, conferences and");
      put_noun_phrase (w);
      put (w, ".");
      break;
    case 8:
      put (w, "According to");
      put_org (w);
      putf (w, ", as of early %d, the number of %s participants totalled %u.%02u million,"
            " making up %u percent of the country's population.", w->year,
            PICK (rng, topics), 1 + rng_below (rng, 90), rng_below (rng, 100),
            10 + rng_below (rng, 85));
      break;
    case 9:
      put_person (w);
      put (w, " chaired the working session, which was also attended by");
      put_person (w);
      put (w, ".");
      break;
    case 10:
      putf (w, "Hosting the Lao delegation in %s on %s,", city, PICK (rng, weekdays));
      put_person (w);
      put (w, " said the two ministries should share experience and support each other in");
      put_noun_phrase (w);
      put (w, ".");
      break;
    case 11:
      put_person (w);
      put (w, " said that despite the impacts of");
      put_noun_phrase (w);
      put (w, ", the two ministries have worked closely together and enjoyed positive results.");
      break;
    case 12:
      putf (w, "The great friendship, special solidarity and comprehensive cooperation"
            " between %s and Laos hold even greater significance amid", vietnam (w));
      put_noun_phrase (w);
      put (w, ".");
      break;
    case 13:
      putf (w, "%s and %s agreed to step up cooperation in %s,", province, lao_province,
            PICK (rng, topics));
      put_word (w, content_word (w));
      put (w, " and");
      put_word (w, content_word (w));
      put (w, ".");
      break;
    case 14:
      putf (w, "Trade between %s and Laos reached %u.%u billion USD in %d, up %u percent"
            " year on year.", vietnam (w), 1 + rng_below (rng, 9), rng_below (rng, 10),
            w->year - 1, 1 + rng_below (rng, 30));
      break;
    default:
      put (w, "Speaking at the working session,");
      put_person (w);
      put (w, " said");
      put_noun_phrase (w);
      put (w, " had been improved.");
      break;
    }
}

/* A word list has no truly rare words: ~63,000 words shared by ~220 draws
 * an article put even the last in 0.05% of the articles. Real news has a
 * long tail of names seen once or twice (villages, companies); these Lao
 * village names are drawn log-uniformly (Zipf with s = 1) from half a
 * million, so most are in one article or none. */
#define N_VILLAGES 500000

static const char * const lao_syllables[] = {
  "phon", "xay", "sa", "vang", "na", "kham", "don", "khoun", "sy", "lat",
  "thong", "bo", "keo", "mi", "sai", "muang", "vieng", "kaeo", "hin", "boun",
  "nong", "houay", "pak", "souk", "dong", "luang", "khet", "tha", "phou",
  "sen", "lak", "chan", "som", "vi", "dao", "mai", "hat", "nam", "kong",
  "tai", "xieng", "ngeun", "pha", "lom",
};

static char *
village_name (guint index)
{
  GString *name = g_string_new (NULL);

  /* Two to four syllables, spelled from the index's digits. */
  do
    {
      g_string_append (name, lao_syllables[index % G_N_ELEMENTS (lao_syllables)]);
      index /= G_N_ELEMENTS (lao_syllables);
    }
  while (index > 0 || name->len < 5);
  name->str[0] = g_ascii_toupper (name->str[0]);
  return g_string_free (name, FALSE);
}

static void
put_village_sentence (Writer *w)
{
  Rng *rng = &w->gen->rng;
  guint index = (guint) exp (rng_double (rng) * log (N_VILLAGES)) - 1;
  g_autofree char *village = village_name (index);
  g_autofree char *province = place_name (w, TRUE);

  put (w, "In");
  putf (w, " Ban %s village of %s province,", village, province);
  put_noun_phrase (w);
  put_word (w, PICK (rng, auxiliaries));
  put_word (w, verb (w));
  put_noun_phrase (w);
  put (w, ".");
}

/* Sentences whose content words follow the Zipf ranking; grammar loose,
 * statistics right. */
static void
put_filler_sentence (Writer *w)
{
  Rng *rng = &w->gen->rng;

  if (rng_chance (rng, 0.02))
    {
      put_village_sentence (w);
      return;
    }

  switch (rng_below (rng, 6))
    {
    case 0:
      put_capitalised (w, content_word (w));
      put_word (w, content_word (w));
      put_word (w, PICK (rng, auxiliaries));
      put_word (w, verb (w));
      put_noun_phrase (w);
      put_word (w, PICK (rng, prepositions));
      put_noun_phrase (w);
      put (w, ".");
      break;
    case 1:
      put_person (w);
      put (w, " said");
      put_noun_phrase (w);
      put_word (w, PICK (rng, auxiliaries));
      put_word (w, verb (w));
      put_noun_phrase (w);
      put (w, " and");
      put_noun_phrase (w);
      put (w, ".");
      break;
    case 2:
      put_capitalised (w, PICK (rng, prepositions));
      put_noun_phrase (w);
      put (w, ",");
      put_word (w, rng_chance (rng, 0.1) ? PICK (rng, groups) : "they");
      put_word (w, PICK (rng, auxiliaries));
      put_word (w, verb (w));
      put_noun_phrase (w);
      put_word (w, PICK (rng, prepositions));
      put_noun_phrase (w);
      put (w, ".");
      break;
    case 3:
      put (w, "The");
      put_word (w, content_word (w));
      put_word (w, content_word (w));
      put_word (w, rng_chance (rng, 0.5) ? "is" : "was");
      put_word (w, content_word (w));
      put_word (w, PICK (rng, prepositions));
      put_noun_phrase (w);
      put (w, ",");
      put_person (w);
      put (w, " said.");
      break;
    case 4:
      put_capitalised (w, rng_chance (rng, 0.1) ? PICK (rng, groups) : "they");
      put (w, " also");
      put_word (w, rng_chance (rng, 0.3) ? PICK (rng, past_verbs) : content_word (w));
      put_noun_phrase (w);
      put (w, ",");
      put_noun_phrase (w);
      put (w, " and");
      put_noun_phrase (w);
      put (w, ".");
      break;
    default:
      put_capitalised (w, content_word (w));
      put_word (w, PICK (rng, function_words));
      put_word (w, content_word (w));
      put_word (w, content_word (w));
      put_word (w, PICK (rng, function_words));
      put_noun_phrase (w);
      put_word (w, PICK (rng, prepositions));
      put_word (w, content_word (w));
      put (w, ".");
      break;
    }
}

static void
put_sentence (Writer *w,
              double  template_share)
{
  if (w->text->len > 0 && w->text->str[w->text->len - 1] != '\n' &&
      w->text->str[w->text->len - 1] != ' ')
    g_string_append_c (w->text, ' ');

  if (rng_chance (&w->gen->rng, template_share))
    put_template_sentence (w);
  else
    put_filler_sentence (w);
}

static void
put_dateline (Writer *w)
{
  g_autofree char *city = dateline_place (w);

  switch (w->outlet->dateline)
    {
    case DATELINE_CITY_OUTLET:
      putf (w, "%s (%s) - ", city, w->outlet->tag);
      break;
    case DATELINE_UPPER:
      {
        g_autofree char *upper = g_utf8_strup (city, -1);
        putf (w, "%s — ", upper);
      }
      break;
    case DATELINE_DOMAIN:
      putf (w, "%s - ", w->outlet->tag);
      break;
    case DATELINE_NONE:
    default:
      break;
    }
}

static char *
make_title (Writer *w)
{
  Rng *rng = &w->gen->rng;
  const char *vn = vietnam (w);
  g_autofree char *province = place_name (w, FALSE);
  g_autofree char *lao_province = place_name (w, TRUE);
  Person *person = w->cast[0];

  switch (rng_below (rng, 7))
    {
    case 0:
      return g_strdup_printf ("%s, Laos %s ties in %s", vn, PICK (rng, verbs), PICK (rng, topics));
    case 1:
      return g_strdup_printf ("%s %s Lao %s", person->ref[spelling (w)],
                              rng_chance (rng, 0.5) ? "receives" : "meets", PICK (rng, topics) );
    case 2:
      return g_strdup_printf ("%s, %s to %s %s %s", province, lao_province,
                              PICK (rng, verbs), content_word (w), content_word (w));
    case 3:
      return g_strdup_printf ("%s %s and %s in %s", PICK (rng, topics), content_word (w),
                              content_word (w), province);
    case 4:
      return g_strdup_printf ("Laos, %s sign MoU on %s", vn, PICK (rng, topics));
    case 5:
      return g_strdup_printf ("%s %s %s", person->name[spelling (w)],
                              PICK (rng, past_verbs), content_word (w));
    default:
      return g_strdup_printf ("%s %s %s %s", content_word (w), content_word (w),
                              PICK (rng, prepositions), content_word (w));
    }
}

static const Outlet *
pick_outlet (Generator *gen)
{
  double u = rng_double (&gen->rng);

  for (guint i = 0; i < G_N_ELEMENTS (outlets); i++)
    if (u < gen->outlet_cdf[i])
      return &outlets[i];
  return &outlets[0];
}

/* Days from 2006-01-01 to 2025-12-31, uniform: at random, or in order of
 * @index when the archive is made --chronological (the draw is made
 * either way, so the rest of the article stays the same). */
static GDate *
pick_date (Generator *gen,
           guint      index)
{
  GDate *date = g_date_new_dmy (1, G_DATE_JANUARY, 2006);
  guint n_days = 7305;  /* 2006–2025 inclusive */
  guint day = rng_below (&gen->rng, n_days);

  if (gen->chronological)
    day = (guint) ((guint64) index * n_days / MAX (gen->count, 1));
  g_date_add_days (date, day);
  return date;
}

typedef struct {
  MkArticle *article;
  const Outlet *outlet;
  GDate *date;   /* NULL: undated */
  char *text;    /* as a text file: title, blank line, body */
} Generated;

static void
generated_clear (Generated *g)
{
  g_clear_object (&g->article);
  g_clear_pointer (&g->date, g_date_free);
  g_clear_pointer (&g->text, g_free);
}

static void
generate_article (Generator *gen,
                  guint      index,
                  Generated *out)
{
  Writer w = { .gen = gen };
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *title = NULL;
  g_autofree char *guid = g_strdup_printf ("bench-%07u", index);
  g_autofree char *url = NULL;
  g_autofree char *summary = NULL;
  gboolean themed;
  guint target_words;

  out->outlet = w.outlet = pick_outlet (gen);
  out->date = rng_chance (&gen->rng, 0.05) ? NULL : pick_date (gen, index);
  w.year = out->date ? g_date_get_year (out->date) : 2015;

  w.n_cast = 2 + rng_below (&gen->rng, 2);
  for (guint i = 0; i < w.n_cast; i++)
    w.cast[i] = gen->people->pdata[zipf_draw (&gen->person_zipf, &gen->rng)];

  /* One article in seven is about the samples' own subject and uses its
   * sentences more; the rest are general news that quote officials. */
  w.themed = themed = rng_chance (&gen->rng, 0.15);
  target_words = 300 + rng_below (&gen->rng, 140);

  title = make_title (&w);

  w.text = body;
  put_dateline (&w);
  put_sentence (&w, themed ? 1.0 : 0.05);
  while (w.n_words < target_words)
    {
      guint n_sentences = 2 + rng_below (&gen->rng, 3);

      g_string_append (body, "\n\n");
      for (guint i = 0; i < n_sentences; i++)
        put_sentence (&w, themed ? 0.25 : 0.02);
    }
  if (w.outlet->dateline == DATELINE_UPPER)
    g_string_append_printf (body, " — %s", w.outlet->tag);

  if (rng_chance (&gen->rng, 0.5))
    {
      Writer lede = w;
      g_autoptr(GString) text = g_string_new (NULL);

      lede.text = text;
      put_sentence (&lede, 0.5);
      summary = g_string_free (g_steal_pointer (&text), FALSE);
    }

  url = g_strdup_printf ("https://bench.invalid/%s/%07u.html", w.outlet->slug, index);

  out->article = mk_article_new ();
  mk_article_set_guid (out->article, guid);
  mk_article_set_title (out->article, title);
  mk_article_set_url (out->article, url);
  mk_article_set_source (out->article, w.outlet->name);
  mk_article_set_body (out->article, body->str);
  mk_article_set_summary (out->article, summary);
  mk_article_set_language (out->article, "en");
  if (rng_chance (&gen->rng, 0.6))
    {
      guint a = zipf_draw (&gen->author_zipf, &gen->rng);
      mk_article_set_author (out->article, gen->authors[spelling (&w)]->pdata[a]);
    }
  if (out->date != NULL)
    {
      char iso[16];

      g_date_strftime (iso, sizeof iso, "%Y-%m-%d", out->date);
      mk_article_set_published (out->article, iso);
    }

  out->text = g_strdup_printf ("%s\n\n%s%s%s\n", title,
                               summary ? summary : "", summary ? "\n\n" : "", body->str);
}

/* ---- output ------------------------------------------------------------------ */

static void
update_digest (GChecksum *checksum,
               MkArticle *article)
{
  const char *fields[] = {
    mk_article_get_guid (article), mk_article_get_title (article),
    mk_article_get_source (article), mk_article_get_author (article),
    mk_article_get_published (article), mk_article_get_summary (article),
    mk_article_get_body (article), mk_article_get_url (article),
  };

  /* Each field ends with a NUL, so "ab"+"c" differs from "a"+"bc"; a
   * missing field is \x01, which never occurs in text. */
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const char *field = fields[i] ? fields[i] : "\x01";

      g_checksum_update (checksum, (const guchar *) field, strlen (field) + 1);
    }
}

/* DIR/<outlet>/<thousand>/<guid>.txt, its mtime the publication date (noon
 * UTC), so recoll's date: filter sees the same dates; undated articles get
 * 1990-01-01, outside every range the queries ask for. */
static gboolean
write_text_file (const char  *text_dir,
                 guint        index,
                 Generated   *g,
                 GError     **error)
{
  g_autofree char *subdir = g_strdup_printf ("%03u", index / 1000);
  g_autofree char *name = g_strdup_printf ("%s.txt", mk_article_get_guid (g->article));
  g_autofree char *dir = g_build_filename (text_dir, g->outlet->slug, subdir, NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GDateTime) when = NULL;
  struct timeval times[2];
  FILE *file;

  if (g_mkdir_with_parents (dir, 0755) != 0 || (file = fopen (path, "w")) == NULL)
    {
      int saved_errno = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "Could not write %s: %s", path, g_strerror (saved_errno));
      return FALSE;
    }
  fputs (g->text, file);
  fclose (file);

  if (g->date != NULL)
    when = g_date_time_new_utc (g_date_get_year (g->date), g_date_get_month (g->date),
                                g_date_get_day (g->date), 12, 0, 0);
  else
    when = g_date_time_new_utc (1990, 1, 1, 12, 0, 0);
  times[0].tv_sec = times[1].tv_sec = g_date_time_to_unix (when);
  times[0].tv_usec = times[1].tv_usec = 0;
  utimes (path, times);

  return TRUE;
}

static char *
format_size (gint64 bytes)
{
  return g_format_size_full (bytes, G_FORMAT_SIZE_DEFAULT);
}

static gint64
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? (gint64) st.st_size : 0;
}

typedef struct {
  const char *archive;
  guint count;
  guint64 seed;
  const char *text_dir;
  const char *dict;
  const char *samples;
  const char *results;
  gboolean print_stamp;
  gboolean chronological;
} Options;

static char *
make_stamp (Generator     *gen,
            const Options *opts)
{
  return g_strdup_printf ("mk-bench-generate %d dict=%.16s samples=%.16s seed=%" G_GUINT64_FORMAT "%s",
                          GENERATOR_VERSION, gen->dict_digest, gen->samples_digest, opts->seed,
                          opts->chronological ? " chronological" : "");
}

typedef struct {
  gint64 store_us;      /* inside the core: begin, add, commit, close */
  gint64 generate_us;
  gint64 files_us;
  guint undated;
} Tally;

static gboolean
insert_all (Generator      *gen,
            const Options  *opts,
            GChecksum      *digest,
            Tally          *tally,
            GError        **error)
{
  g_autoptr(MkStore) store = NULL;
  /* Import as MkImporter does it: each article's entities are extracted
   * and stored in the same transaction, so the rate includes them. */
  g_autoptr(MkEntityExtractor) extractor = mk_entity_extractor_new ();
  gint64 source_ids[G_N_ELEMENTS (outlets)];
  gint64 t0 = g_get_monotonic_time ();
  gint64 last_report = t0;

  store = mk_store_open (opts->archive, error);
  if (store == NULL || mk_store_count_articles (store, NULL) != 0)
    {
      if (store != NULL)
        g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
                     "%s already has articles; remove it first", opts->archive);
      return FALSE;
    }

  /* One feed-like source per outlet, as a fetcher would register them. */
  for (guint i = 0; i < G_N_ELEMENTS (outlets); i++)
    {
      g_autofree char *location = g_strdup_printf ("https://bench.invalid/%s", outlets[i].slug);

      source_ids[i] = mk_store_ensure_source (store, "feed", location, outlets[i].name, error);
      if (source_ids[i] == 0)
        return FALSE;
    }
  tally->store_us += g_get_monotonic_time () - t0;

  for (guint i = 0; i < opts->count; i++)
    {
      Generated g = { 0 };
      gint64 t;
      MkStoreChange change;
      gboolean ok = TRUE;

      t = g_get_monotonic_time ();
      generate_article (gen, i, &g);
      update_digest (digest, g.article);
      tally->undated += g.date == NULL;
      tally->generate_us += g_get_monotonic_time () - t;

      t = g_get_monotonic_time ();
      if (i % TRANSACTION_SIZE == 0)
        ok = mk_store_begin (store, error);
      if (ok)
        ok = mk_store_add_article (store, source_ids[g.outlet - outlets], g.article, &change, error);
      if (ok && change != MK_STORE_ADDED)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       "Article %u was not added (duplicate content?)", i);
          ok = FALSE;
        }
      if (ok)
        ok = mk_entity_index_article (extractor, store, g.article, error);
      if (ok && (i % TRANSACTION_SIZE == TRANSACTION_SIZE - 1 || i == opts->count - 1))
        ok = mk_store_commit (store, error);
      tally->store_us += g_get_monotonic_time () - t;

      generated_clear (&g);
      if (!ok)
        {
          mk_store_rollback (store);
          return FALSE;
        }

      if (g_get_monotonic_time () - last_report > 30 * G_USEC_PER_SEC)
        {
          last_report = g_get_monotonic_time ();
          g_printerr ("  %u articles, %.0f/s in the store\n", i + 1,
                      (i + 1) / (tally->store_us / (double) G_USEC_PER_SEC));
        }
    }

  /* Closing checkpoints the WAL into the file: part of the import's cost. */
  t0 = g_get_monotonic_time ();
  g_clear_object (&store);
  tally->store_us += g_get_monotonic_time () - t0;

  return TRUE;
}

/* The text files come from a second pass over the same draws (the
 * generator is deterministic), after the archive is closed: written
 * during the import, their writeback competed with SQLite's and made the
 * import rate noisy. */
static gboolean
write_all_text_files (Generator      *gen,
                      const Options  *opts,
                      Tally          *tally,
                      GError        **error)
{
  gint64 start = g_get_monotonic_time ();

  gen->rng.state = opts->seed;
  for (guint i = 0; i < opts->count; i++)
    {
      Generated g = { 0 };
      gboolean ok;

      generate_article (gen, i, &g);
      ok = write_text_file (opts->text_dir, i, &g, error);
      generated_clear (&g);
      if (!ok)
        return FALSE;
    }

  tally->files_us = g_get_monotonic_time () - start;
  return TRUE;
}

static void
report (const Options *opts,
        const char    *stamp,
        const Tally   *tally,
        const char    *digest)
{
  double store_s = tally->store_us / (double) G_USEC_PER_SEC;
  double total_s = (tally->store_us + tally->generate_us) / (double) G_USEC_PER_SEC;
  g_autofree char *wal = g_strconcat (opts->archive, "-wal", NULL);
  gint64 size = file_size (opts->archive) + file_size (wal);
  g_autofree char *size_text = format_size (size);
  double rate = opts->count / store_s;

  g_print ("%s\n", stamp);
  g_print ("archive          %s\n", opts->archive);
  g_print ("articles         %u (%u undated)\n", opts->count, tally->undated);
  g_print ("import           %.1f s in the core: %.0f articles/s\n", store_s, rate);
  g_print ("generation       %.1f s making the text; with the import %.0f articles/s\n",
           tally->generate_us / (double) G_USEC_PER_SEC, opts->count / total_s);
  if (opts->text_dir != NULL)
    g_print ("text files       %.1f s, in %s\n", tally->files_us / (double) G_USEC_PER_SEC,
             opts->text_dir);
  g_print ("archive size     %s (%.1f KB per article)\n", size_text,
           size / 1024.0 / MAX (opts->count, 1));
  g_print ("content sha256   %s\n", digest);

  if (opts->results != NULL)
    {
      g_autofree char *text = g_strdup_printf ("articles=%u\nimport_rate=%.0f\nimport_seconds=%.1f\n"
                                               "archive_bytes=%" G_GINT64_FORMAT "\n"
                                               "content_sha256=%s\nstamp=%s\n",
                                               opts->count, rate, store_s, size, digest, stamp);
      g_autoptr(GError) error = NULL;

      if (!g_file_set_contents (opts->results, text, -1, &error))
        g_printerr ("mk-bench-generate: %s\n", error->message);
    }
}

int
main (int   argc,
      char *argv[])
{
  Options opts = { .seed = DEFAULT_SEED, .dict = DEFAULT_DICT, .samples = MEKONG_SAMPLES_DIR };
  g_autofree char *archive = NULL, *text_dir = NULL, *dict = NULL, *samples = NULL, *results = NULL;
  gint64 seed = DEFAULT_SEED;
  int count = 0;
  GOptionEntry entries[] = {
    { "archive", 0, 0, G_OPTION_ARG_FILENAME, &archive, "Archive to create", "PATH" },
    { "count", 0, 0, G_OPTION_ARG_INT, &count, "Number of articles", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, "Seed of the article draws", "S" },
    { "text-dir", 0, 0, G_OPTION_ARG_FILENAME, &text_dir, "Also write each article as a .txt file here", "DIR" },
    { "dict", 0, 0, G_OPTION_ARG_FILENAME, &dict, "Word list (default " DEFAULT_DICT ")", "FILE" },
    { "samples", 0, 0, G_OPTION_ARG_FILENAME, &samples, "Sample articles whose words lead the vocabulary", "DIR" },
    { "results", 0, 0, G_OPTION_ARG_FILENAME, &results, "Write key=value results here", "FILE" },
    { "chronological", 0, 0, G_OPTION_ARG_NONE, &opts.chronological,
      "Insert in order of publication (default: dates at random, as a folder import)", NULL },
    { "stamp", 0, 0, G_OPTION_ARG_NONE, &opts.print_stamp, "Print what identifies this generator's output and exit", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— make a synthetic Mekong archive");
  g_autoptr(GError) error = NULL;
  g_autoptr(GChecksum) digest = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *stamp = NULL;
  Generator gen = { 0 };
  Tally tally = { 0 };

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("mk-bench-generate: %s\n", error->message);
      return 2;
    }

  opts.seed = (guint64) seed;
  opts.archive = archive;
  opts.count = count > 0 ? (guint) count : 0;
  opts.text_dir = text_dir;
  opts.results = results;
  if (dict != NULL)
    opts.dict = dict;
  if (samples != NULL)
    opts.samples = samples;

  if (!opts.print_stamp && (opts.archive == NULL || opts.count == 0))
    {
      g_printerr ("mk-bench-generate: --archive PATH and --count N are needed\n");
      return 2;
    }

  if (!generator_init (&gen, opts.seed, opts.samples, opts.dict, &error))
    {
      g_printerr ("mk-bench-generate: %s\n", error->message);
      generator_clear (&gen);
      return 1;
    }
  gen.chronological = opts.chronological;
  gen.count = opts.count;
  stamp = make_stamp (&gen, &opts);

  if (opts.print_stamp)
    {
      g_print ("%s\n", stamp);
      generator_clear (&gen);
      return 0;
    }

  if (!insert_all (&gen, &opts, digest, &tally, &error) ||
      (opts.text_dir != NULL && !write_all_text_files (&gen, &opts, &tally, &error)))
    {
      g_printerr ("mk-bench-generate: %s\n", error->message);
      generator_clear (&gen);
      return 1;
    }

  report (&opts, stamp, &tally, g_checksum_get_string (digest));
  generator_clear (&gen);
  return 0;
}
