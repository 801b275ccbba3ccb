// Citations in Japanese legal text: statute references (不正競争防止法２条６項, 同法２１条１項３号ロ,
// 第二条第六項, 法２条６項, ４号ないし９号) and ruling references (東京高判平成29・3・21,
// 最高裁平成１９年（受）第１１０５号同年１２月１８日第三小法廷判決), shared by the importers, the
// indexer and the `tsubo cites` command.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tsubo {

// One cited provision: (law, article, paragraph, item). A list or range (２条１項４・５号,
// ４号ないし９号) gives one citation per provision.
struct StatuteCitation {
  std::string law;        // official title, abbreviations expanded: 不競法 → 不正競争防止法
  bool old_law = false;   // 旧法, 旧不正競争防止法: the text before an amendment
  std::string article;    // 2, 19の2 (Arabic digits)
  std::string paragraph;  // 項: 6; "1" when an item is cited without one (第二条第一号); else empty
  std::string item;       // 号: 4; empty when not given
  std::string subitem;    // イ, ロ …; empty when not given

  // law/article[/paragraph[/item]], with "(旧)" after an old law's name: 不正競争防止法/2/6.
  std::string key() const;
  // The keys of this provision and of every provision that contains it (law/2, law/2/6, law/2/6/4),
  // so that a search for 2条 finds a passage citing 2条6項.
  std::vector<std::string> key_levels() const;
  // The citation a key() stands for: 不正競争防止法(旧)/2/6 → law 不正競争防止法, old_law, 2, 6.
  static StatuteCitation from_key(const std::string& key);
};

// One cited judgment or decision. Courts are written out (最判 → 最高裁判所, 東京高判 → 東京高等裁判所,
// 知財高裁 → 知的財産高等裁判所); benches (第三小法廷, 第１０刑事部) are dropped.
struct RulingCitation {
  std::string court;
  std::string date;         // yyyy-mm-dd; empty when only the case number is given
  std::string case_number;  // 平成22(ネ)10039 (first of several); empty when not given
  std::string form;         // 判決 | 決定 | empty

  // court|date|case_number, the parts that are known (empty ones stay empty).
  std::string key() const;
};

// What a document's earlier text says about the laws its citations name.
struct CitationContext {
  std::string self_law;     // a statute's own title: a bare 第二条第六項 cites it; empty elsewhere
  std::string default_law;  // what 法, 本法 and 旧法 mean; empty = they are left out
  std::map<std::string, std::string> aliases;  // 以下「不競法」という → 不競法 → 不正競争防止法
  std::string last_law;       // what 同法 means: the law named last, cited or only mentioned
  StatuteCitation last;       // what 同条, 同項 and 同号 mean
  // Where the text being read stands: a statute passage's own article (with the paragraph and
  // item of the line read), or the provision a commentary (逐条解説) passage explains. 前条, 次条,
  // 本条, 前二条, 前項, 本項, 前各項, 前号, 次号, 前各号 and a bare 第二項 or 第三号 count from it;
  // with here.article empty they cite nothing (a ruling quoting a contract's 前項).
  StatuteCitation here;
  std::vector<std::string> article_order;  // the statute's own articles in order (1, 2, 2の2, 3):
                                           // 前条 of 3 is 2の2; empty = counted (前条 of 3 is 2)
};

struct Citations {
  std::vector<StatuteCitation> statutes;
  std::vector<RulingCitation> rulings;
};

// The citations in text, in order. Reads and updates ctx (aliases defined in the text, the law
// named last), so a document's passages are fed in order with one context. Line breaks and spaces
// inside a citation are ignored (ruling PDFs wrap anywhere); full-width digits count as digits.
// Bare articles (３条) cite ctx.self_law, or nothing when it is empty (a contract's ３条). A known
// law named without an article (不正競争防止法において) still becomes what 同法 means.
Citations find_citations(std::string_view text, CitationContext& ctx);

// Collects what a whole document defines before its passages are read one by one: aliases
// (（以下「不競法」という。）) and, for 法 when the text never defines it, the law it cites most.
void prepare_citation_context(const std::vector<std::string_view>& texts, CitationContext& ctx);

// A reference as a user types it (不正競争防止法2条6項, 不競法第２条第６項第４号): the first
// statute citation, law required. nullopt when there is none.
std::optional<StatuteCitation> parse_statute_reference(std::string_view text);

// A ruling reference as a user types it (東京高判平成29・3・21, 平成22年(ネ)第10039号).
std::optional<RulingCitation> parse_ruling_reference(std::string_view text);

// The official title for a law name or its usual abbreviation (不競法, 刑訴法, 独禁法); the name
// itself when it is not one tsubo knows.
std::string canonical_law_name(std::string_view name);

// A court as it is printed on a ruling (東京高等裁判所第１０刑事部, 最高裁判所第二小法廷) reduced to
// the court citations name (東京高等裁判所, 最高裁判所).
std::string citation_court(std::string_view printed);

}  // namespace tsubo
