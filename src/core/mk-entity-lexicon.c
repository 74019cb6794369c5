/* mk-entity-lexicon.c — the word lists behind the entity rules
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mk-entity-lexicon.h"

/* General knowledge of how English-language news in the region writes
 * names: words, never the names of particular people or agencies. Every
 * entry is an entity key: lower case, without diacritics or punctuation. */

/* Titles, ranks and honorifics that stand before a person's name and are
 * not part of it: "Deputy Prime Minister Vũ Đức Đam", "Gen. To Lam". */
static const char * const titles[] = {
  "minister", "pm", "premier", "president", "secretary", "secretarygeneral",
  "director", "directorgeneral", "chairman", "chairwoman", "chairperson", "chair",
  "head", "ambassador", "consul", "governor", "mayor", "spokesman", "spokeswoman",
  "spokesperson", "rector", "dean", "chancellor", "commissioner", "counsellor",
  "counselor", "attache", "envoy", "commander", "general", "gen", "colonel", "col",
  "lieutenant", "lt", "major", "maj", "captain", "capt", "admiral", "adm",
  "brigadier", "brig", "sergeant", "sgt", "marshal", "mr", "mrs", "ms", "miss",
  "madam", "madame", "dr", "prof", "professor", "king", "queen", "prince",
  "princess", "sultan", "emperor", "pope", "senator", "sen", "judge", "venerable",
  "reverend", "rev", "bishop", "archbishop", "cardinal", "ceo", "chief",
  NULL
};

/* Words that make a title longer but are not one alone: "Deputy", "Senior
 * Colonel", "State President", "Party General Secretary". */
static const char * const title_modifiers[] = {
  "deputy", "vice", "prime", "senior", "acting", "standing", "permanent",
  "executive", "former", "first", "associate", "assoc", "assistant", "state",
  "party", "grand", "chief", "general", "lieutenant", "major", "foreign",
  NULL
};

/* Lower-case role nouns followed by a name: "his Laotian counterpart
 * Phayvy Siboualypha", "said spokeswoman Pham Thu Hang". */
static const char * const roles[] = {
  "counterpart", "minister", "president", "ambassador", "chairman", "chairwoman",
  "director", "spokesman", "spokeswoman", "spokesperson", "leader", "official",
  "secretary", "governor", "mayor", "professor", "doctor", "reporter",
  "correspondent", "translator", "photographer", "author", "writer", "artist",
  "expert", "economist", "researcher", "lawyer", "officer", "commander", "envoy",
  "premier", "colonel", "general", "deputy", "head", "chief", "prime",
  NULL
};

/* Head words: an organisation's name ends in one (the Vietnam Social
 * Security, the Lao Social Security Organisation, the Ministry of Home
 * Affairs). "Social Security" and "Social Insurance" are heads as a pair
 * (see head_length() in the extractor). Plurals are not heads: "the two
 * ministries" names no one body. "Government" and "State" are left out on
 * purpose: "the Vietnamese Government" is not an entity. "Fund" too:
 * funds are not organisations in the annotation conventions. */
static const char * const org_heads[] = {
  "ministry", "department", "agency", "organisation", "organization", "association",
  "union", "federation", "confederation", "committee", "commission", "council",
  "party", "bank", "institute", "university", "academy", "hospital", "company",
  "corporation", "corp", "group", "office", "authority", "administration", "bureau",
  "service", "police", "army", "navy", "forces", "court", "procuracy", "assembly",
  "front", "alliance", "society", "foundation", "club", "embassy", "consulate",
  "centre", "center", "school", "college", "secretariat", "inspectorate", "command",
  "corps", "guard", "guards", "customs", "television", "radio", "newspaper", "times",
  "news", "post", "press", "airlines", "airways", "enterprise", "cooperative",
  "chamber", "exchange", "directorate", "league", "coalition", "museum", "library",
  "politburo", "jsc", "ltd", "inc", "plc", "holdings", "mission", "network",
  NULL
};

/* Capitalised words that begin sentences or headlines but never begin a
 * name: an organisation's name does not reach back over them. */
static const char * const function_words[] = {
  "the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their",
  "our", "my", "your", "both", "all", "each", "every", "some", "many", "most",
  "several", "other", "another", "such", "no", "any", "in", "on", "at", "by", "for",
  "from", "to", "with", "under", "over", "after", "before", "during", "since", "as",
  "and", "but", "or", "if", "when", "while", "meanwhile", "however", "also",
  "according", "besides", "last", "next", "then", "there", "here", "it", "he",
  "she", "they", "we", "i", "you", "what", "which", "who", "whose", "where", "how",
  "why", "so", "thus", "therefore", "furthermore", "moreover", "between", "among",
  "through", "via", "towards", "toward", "within", "without", "despite",
  "although", "though", "because", "regarding", "upon", "about", "around",
  "against", "along", "across", "near", "per", "than", "until", "unless",
  "whether", "yet", "again", "only", "even", "just", "still", "already", "now",
  "later", "earlier", "hence", "indeed", "instead", "together", "further", "once",
  "not", "is", "are", "was", "were", "be", "been", "will", "would", "should",
  "can", "could", "may", "might", "must", "has", "have", "had", "do", "does", "did",
  "one", "two", "three", "four", "five", "new", "more", "less", "well", "thanks",
  NULL
};

/* Months and days: capitalised, never names. */
static const char * const calendar[] = {
  "january", "february", "march", "april", "may", "june", "july", "august",
  "september", "october", "november", "december", "jan", "feb", "mar", "apr",
  "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "monday", "tuesday",
  "wednesday", "thursday", "friday", "saturday", "sunday",
  NULL
};

/* The common Vietnamese family names, which come first: "Dao Viet Anh",
 * "Phạm Minh Chính". A run of Vietnamese syllables that starts with one is
 * a person's name even without a title. Names that are also common
 * English words at the start of a sentence ("An", "Son") are left out. */
static const char * const vietnamese_surnames[] = {
  "nguyen", "tran", "le", "pham", "hoang", "huynh", "phan", "vu", "vo", "dang",
  "bui", "do", "ho", "ngo", "duong", "ly", "dao", "dinh", "doan", "cao", "lam",
  "luong", "luu", "mai", "ta", "to", "trinh", "truong", "ha", "kieu", "lai", "lu",
  "quach", "thai", "tong", "trieu", "vuong", "chu", "chau", "giang", "khuat",
  "la", "lo", "nong", "quan", "ton", "tang", "thach", "uong", "au", "bach",
  "dieu", "diep", "hua", "kim", "mac", "nghiem", "ong", "phung", "thieu", "tu",
  "vi", "hau", "khong", "banh", "cu", "dam", "danh", "diem", "khuc", "lac",
  "lieu", "man", "nhu", "sam", "tieu",
  NULL
};

/* Capitals that name documents, diseases, currencies or ideas, not bodies:
 * an unknown acronym is taken for an organisation unless it is here (or
 * the article spells it out in lower case: "memorandum of understanding
 * (MoU)"). Trade agreements are documents. */
static const char * const not_acronyms[] = {
  "mou", "moa", "moc", "gdp", "gnp", "grdp", "fdi", "oda", "ppp", "covid", "sars",
  "hiv", "aids", "ceo", "cfo", "coo", "cto", "pm", "vnd", "usd", "eur", "ict", "it",
  "ai", "sme", "smes", "uhc", "phd", "mba", "ma", "ba", "msc", "bsc", "tv", "gmt",
  "utc", "id", "ok", "am", "ngo", "ngos", "ev", "evs", "co2", "km", "kg", "kwh",
  "mw", "gw", "lng", "lpg", "ocop", "faq", "pdf", "url", "iot", "vr", "ar", "etc",
  "ad", "bc", "fta", "ftas", "evfta", "cptpp", "rcep", "tpp", "sdg", "sdgs", "mdg",
  "mdgs", "esg", "csr", "hr", "rd", "qr", "atm", "gps", "sms", "usb", "dna", "rna",
  "icu", "unclos", "doc", "coc", "mrt", "brt", "ipo", "vat", "cpi", "pmi", "tvet",
  "stem", "ppe", "pcr", "vip", "vips", "ngo", "ceos", "mp", "mps", "na", "ok",
  "uxo", "uxos", "hcv", "tb", "ncd", "ncds", "odas", "gdps", "mous",
  NULL
};

/* Lines that credit a photographer, translator or outlet: "Translated by
 * Quynh Oanh", "(Photo: VNA)". The name after them is a person or, alone
 * and in one word, an outlet. */
static const char * const credits[] = {
  "photo", "photos", "translated", "reported", "written", "edited", "compiled",
  "story", "text", "source", "reporter", "translator", "illustration", "video",
  NULL
};

/* What a photo credit says when it names nobody. */
static const char * const not_credits[] = {
  "internet", "illustration", "illustrative", "file", "archive", "archives",
  "courtesy", "handout", "screenshot", "collected", "internet", "social",
  "supplied", "illustrated", "stock",
  NULL
};

/* Lower-case nouns after a place name: "Ky Son district", "Nong Het
 * village". They make a capitalised name a place the gazetteer lacks. */
static const char * const place_nouns[] = {
  "province", "district", "commune", "city", "town", "village", "ward",
  "prefecture", "county", "township", "municipality", "capital",
  NULL
};

/* Capitalised words that end the name of a geographic feature: "Ma
 * River", "Nam Ngum Lake". Named features are places. */
static const char * const features[] = {
  "river", "lake", "mountain", "mountains", "mount", "bay", "island", "islands",
  "sea", "delta", "plateau", "strait", "gulf", "peninsula", "valley", "falls",
  "pass", "archipelago", "ocean", "reservoir",
  NULL
};

/* Words that make a capitalised name an event, a document, an award or an
 * idea, none of them entities ("39th ASEAN Social Security Association
 * Board Meeting", "Memorandum of Understanding"). An acronym spelled out
 * by such a name names no body either. */
static const char * const events[] = {
  "meeting", "meetings", "conference", "summit", "forum", "congress", "session",
  "festival", "games", "expo", "fair", "exhibition", "week", "day", "year",
  "award", "awards", "prize", "cup", "championship", "contest", "competition",
  "dialogue", "talks", "workshop", "seminar", "symposium", "ceremony",
  "celebration", "anniversary", "campaign", "programme", "program", "project",
  "plan", "strategy", "initiative", "agreement", "memorandum", "treaty",
  "convention", "declaration", "charter", "law", "decree", "resolution",
  "decision", "act", "fund", "chairmanship", "presidency", "partnership",
  "framework", "protocol", "understanding", "code", "vision", "agenda", "report",
  "index", "survey", "policy", "scheme", "model", "movement", "drive", "cooperation",
  NULL
};

/* Possessive nouns inside names, which do not end them as "VSS's" does:
 * "Lao People's Democratic Republic", "Vietnam Women's Union". */
static const char * const group_nouns[] = {
  "people", "peoples", "workers", "women", "children", "veterans", "farmers",
  "youth", "men", "citizens", "nations", "mens", "womens", "childrens",
  NULL
};

/* Lower-case words that may stand inside a name: "Ministry of Labour and
 * Social Welfare", "Bank for Investment and Development". */
static const char * const connectors[] = {
  "of", "and", "for", "on", "the", "de", "du", "des", "la", "le", "da",
  NULL
};

/* Before a word that may be a place or a short name ("in Vinh" against
 * "Vinh said"). */
static const char * const prepositions[] = {
  "in", "at", "from", "to", "of", "across", "near", "into", "through", "via",
  "toward", "towards", "around", "throughout", "outside", "inside", "within",
  NULL
};

static const char * const * const lists[MK_N_LEXICONS] = {
  [MK_LEXICON_TITLE] = titles,
  [MK_LEXICON_TITLE_MODIFIER] = title_modifiers,
  [MK_LEXICON_ROLE] = roles,
  [MK_LEXICON_ORG_HEAD] = org_heads,
  [MK_LEXICON_FUNCTION_WORD] = function_words,
  [MK_LEXICON_CALENDAR] = calendar,
  [MK_LEXICON_VIETNAMESE_SURNAME] = vietnamese_surnames,
  [MK_LEXICON_NOT_AN_ACRONYM] = not_acronyms,
  [MK_LEXICON_CREDIT] = credits,
  [MK_LEXICON_NOT_A_CREDIT] = not_credits,
  [MK_LEXICON_PLACE_NOUN] = place_nouns,
  [MK_LEXICON_FEATURE] = features,
  [MK_LEXICON_EVENT] = events,
  [MK_LEXICON_GROUP_NOUN] = group_nouns,
  [MK_LEXICON_CONNECTOR] = connectors,
  [MK_LEXICON_PREPOSITION] = prepositions,
};

/* One table: key -> the set of lists it is in, as bits (1 << MkLexicon),
 * so that a word is looked up once however many lists it is tested
 * against. */
static GHashTable *
table (void)
{
  static GHashTable *words;

  if (g_once_init_enter (&words))
    {
      GHashTable *built = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < MK_N_LEXICONS; i++)
        for (guint j = 0; lists[i][j] != NULL; j++)
          {
            guint bits = GPOINTER_TO_UINT (g_hash_table_lookup (built, lists[i][j]));

            g_hash_table_insert (built, (gpointer) lists[i][j], GUINT_TO_POINTER (bits | 1u << i));
          }
      g_once_init_leave (&words, built);
    }

  return words;
}

/**
 * mk_lexicon_lookup:
 * @key: an entity key
 *
 * Returns: the lists @key is in, as bits (1 << #MkLexicon). Thread-safe.
 */
guint
mk_lexicon_lookup (const char *key)
{
  return key != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (table (), key)) : 0;
}

/**
 * mk_lexicon_contains:
 * @key: an entity key
 *
 * Whether the word list @lexicon has @key. Thread-safe.
 */
gboolean
mk_lexicon_contains (MkLexicon   lexicon,
                     const char *key)
{
  g_return_val_if_fail (lexicon < MK_N_LEXICONS, FALSE);

  return (mk_lexicon_lookup (key) & 1u << lexicon) != 0;
}
