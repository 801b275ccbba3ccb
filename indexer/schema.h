// The shape of a tsubo Xapian database: term prefixes, value slots and metadata keys.
#pragma once

#include <string_view>

namespace tsubo::schema {

// Free-text terms carry no prefix (passage body and its heading path share positions,
// separated by a gap so that no phrase spans the two; heading words count double).
// Words are lower-cased by the analyzer, so a term starting with a capital ASCII letter is prefixed.
inline bool is_prefixed_term(std::string_view term) { return !term.empty() && term[0] >= 'A' && term[0] <= 'Z'; }

inline constexpr const char* kPrefixPassageId = "Q";   // unique passage id: Qstatute/6273#art2
inline constexpr const char* kPrefixDocId = "XD";      // document id, to replace a whole document
inline constexpr const char* kPrefixType = "XT";       // statute | ruling | guidance
inline constexpr const char* kPrefixCourt = "XC";      // court name, NFKC, spaces removed
inline constexpr const char* kPrefixYear = "XY";       // year of the document date: XY2019
inline constexpr const char* kPrefixLaw = "XL";        // law title for statutes: XL不正競争防止法
inline constexpr const char* kPrefixArticle = "XA";    // statute article: XA2, XA19の2
inline constexpr const char* kPrefixRightType = "XR";  // ruling right type: XR不正競争
inline constexpr const char* kPrefixSection = "XS";    // ruling top-level section: XS当裁判所の判断
inline constexpr const char* kPrefixCitesStatute = "XK";  // cited provision, every level: XK不正競争防止法/2/6
inline constexpr const char* kPrefixCitesRuling = "XJ";   // cited ruling: XJ平成22(ネ)10039, XJ東京高等裁判所|2017-03-21
inline constexpr const char* kPrefixRequirement = "XQ";  // requirement tag: XQ秘密管理性, XQ秘密管理性:denied
inline constexpr const char* kPrefixRole = "XP";       // passage role: XPreasoning, XPclaims, XPdefinition, …
// Statute versions (indexer/statute_version_terms.h): one XV term per statute document naming its law,
// version and document, XV平成五年法律第四十七号|20190701|430AC0000000033|statute/405AC…; the search
// reads them all to know which version of each law is in force on a day. XW groups one article's
// passages across versions: XW平成五年法律第四十七号#art2.
inline constexpr const char* kPrefixLawVersion = "XV";
inline constexpr const char* kPrefixArticleVersions = "XW";
// Collections and access (docs/security.md). A passage of a private collection carries XU and one XG
// term per group allowed to read it; a passage without XU is public, so an index built before
// collections existed reads as all public. XO names the collection (none: the public corpus), XF the
// folder a collection was indexed from (a hash of its absolute path), to find files that vanished.
inline constexpr const char* kPrefixCollection = "XO";  // XO社内規程
inline constexpr const char* kTermRestricted = "XU";    // exactly this term: readable by its groups only
inline constexpr const char* kPrefixGroup = "XG";       // XGlegal, XGhr
inline constexpr const char* kPrefixSourceFolder = "XF";  // XF<16 hex digits of FNV-1a of the folder's path>

// Value slots.
inline constexpr unsigned kValueDate = 0;       // yyyymmdd as a string; sorts by date
inline constexpr unsigned kValueOrdinal = 1;    // passage order within its document (sortable_serialise)
// Facet values, counted over the matches with Xapian's ValueCountMatchSpy.
inline constexpr unsigned kValueType = 2;       // statute | ruling | guidance
inline constexpr unsigned kValueCourt = 3;      // court as printed
inline constexpr unsigned kValueYear = 4;       // yyyy of a ruling or guidance (a statute's date is its promulgation, not its text's: none)
inline constexpr unsigned kValueLaw = 5;        // law title (statutes)
inline constexpr unsigned kValueRightType = 6;  // 不正競争, 特許権, …
inline constexpr unsigned kValueSection = 7;    // ruling top-level section (当裁判所の判断, …)
// Slot 8 held the passage role until schema 4; the role is the XP term and a field of the record.
inline constexpr unsigned kValueRequirements = 10;  // requirement tags, "秘密管理性:denied|有用性:discussed"
inline constexpr unsigned kValueDocId = 9;      // document id: collapse key limiting passages per document
inline constexpr unsigned kValueCitedArticles = 11;  // articles cited, "不正競争防止法/2|民法/709" (not its own)
inline constexpr unsigned kValueTokenSpans = 12;  // the body's tokens (text/token_spans.h), for snippets without MeCab
inline constexpr unsigned kValueTextHash = 13;    // statute articles: hash of law, article and text (white space
                                                  // dropped); versions with one hash read the same
// Collapse key of a grouped result list (one card a ruling): a ruling's document id; a statute article's
// text hash (articles stay apart, versions of one text are one); else the passage id (guidance sections
// stay apart: grouping them lost 営業秘密管理指針's sections, dev nDCG@10 0.4775 against 0.5000).
inline constexpr unsigned kValueGroup = 14;
inline constexpr unsigned kValueSourcePath = 15;  // collections: the source file's absolute path

// Database metadata keys.
inline constexpr const char* kMetaAnalyzer = "tsubo.analyzer";      // analyzer identity (version + dictionary)
inline constexpr const char* kMetaSchema = "tsubo.schema";          // schema version below
inline constexpr const char* kSchemaVersion = "6";

// Positions: heading words start at 1, body words after this gap.
inline constexpr unsigned kBodyPositionStart = 1000;

}  // namespace tsubo::schema
