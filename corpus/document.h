// The document model every stage shares: a source file becomes one Document holding ordered Passages.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace tsubo {

enum class DocType { Statute, Ruling, Guidance };

// "statute" | "ruling" | "guidance"; the inverse returns false for anything else.
const char* doc_type_name(DocType type);
bool parse_doc_type(const std::string& name, DocType& out);

// Metadata shown with every hit and used for filters. Empty string = unknown.
struct DocumentMeta {
  std::string court;        // 知的財産高等裁判所 (whitespace removed, as printed)
  std::string date;         // ISO 8601 yyyy-mm-dd (rulings: pronouncement; statutes: promulgation,
                            //   or a dated version's enforcement date)
  std::string case_number;  // 令和1(ネ)10037, NFKC-normalised
  std::string case_name;    // 損害賠償請求控訴事件
  std::string right_type;   // 不正競争, 特許権, …
  std::string trial_type;   // SupremeCourt, HighCourt, LowerCourt, IPCase, …
  std::string decision_kind;  // rulings: 判決, 決定 or 命令 (corpus/decision_kind.h); empty when unknown
  std::string law;          // statutes: the law's title (不正競争防止法)
  std::string law_number;   // statutes: 平成五年法律第四十七号; groups the versions of one law
  // Statute versions (e-Gov revisions): the day this text came into force (施行日, yyyy-mm-dd) and the
  // law that amended it into this text (e-Gov law ID, 427AC0000000054). Both empty for a text export,
  // which counts as the version before the first dated one; amending_law is empty for e-Gov's first
  // revision of a law (amending law 000000000000000: the text as its history begins).
  std::string version_date;
  std::string amending_law;
  std::string source_url;   // where the original can be read (courts.go.jp detail page, …)
};

struct Passage {
  std::string id;                         // stable: <doc id>#<local key>, e.g. statute/6273#art2
  std::vector<std::string> heading_path;  // outermost first: 第一章　総則 › （定義） › 第二条
  std::string text;                       // clean display text (PDF wraps joined, NULs removed)
  std::size_t source_begin = 0;           // byte offsets of the passage in the source text
  std::size_t source_end = 0;             //   (the file, or a ruling's `contents` field)
  std::string article;                    // statutes: 2, 19の2 (Arabic digits); else empty
  std::string section;                    // rulings: the top-level section (主文, 当裁判所の判断, …)
  // What the passage cites (corpus/citation_links.h): statutes as law/article[/paragraph[/item]] at
  // every level (不正競争防止法/2, 不正競争防止法/2/6), rulings as case numbers and court|date.
  std::vector<std::string> cited_statutes;
  std::vector<std::string> cited_rulings;
  // Commentary (逐条解説) only: the provision the passage explains, law/article[/paragraph[/item]]
  // (不正競争防止法/2/6), from the article heading above it; it is cited by the passage and is what
  // 本条, 前項 and 第二号 in it count from. Empty elsewhere.
  std::string provision;
};

struct Document {
  std::string id;           // statute/<file stem>, ruling/<lawsuit_id>, guidance/<file stem>
  DocType type = DocType::Guidance;
  std::string title;        // law title, case name, guideline title
  std::string source_path;  // the file it came from
  DocumentMeta meta;
  std::vector<Passage> passages;
  // Private collections (indexer/collection_grants.h): the collection's name (empty: the public corpus)
  // and the groups that may read the document (empty: anyone).
  std::string collection;
  std::vector<std::string> groups;
};

// Joins a heading path for display: "第一章　総則 › （定義） › 第二条".
std::string join_heading(const std::vector<std::string>& path);

}  // namespace tsubo
