// Statute and ruling citations found in Japanese legal text. The text is folded first (full-width
// ASCII → ASCII, white space and NULs dropped) and scanned as code points; a citation is a law name
// (or 同法, 法, nothing) followed by a chain of 条/項/号 elements joined by 、 及び ないし ….
#include "text/citations.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <utility>

#include "text/japanese_numbers.h"
#include "text/utf8.h"

namespace tsubo {
namespace {

using U32 = std::u32string;
using V32 = std::u32string_view;

// Full-width ASCII → ASCII (（２条） → (2条)), white space, NULs and variation selectors dropped:
// "同法３\n条" is 同法3条.
U32 fold(std::string_view s) {
  U32 out;
  out.reserve(s.size() / 2);
  std::size_t i = 0;
  while (i < s.size()) {
    char32_t cp = utf8::next(s, i);
    if (cp == 0 || utf8::is_space(cp) || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF)) continue;
    if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFEE0;
    if (cp == U'，') cp = U',';
    out.push_back(cp);
  }
  return out;
}

bool starts(V32 t, std::size_t i, V32 p) { return i <= t.size() && t.substr(i).substr(0, p.size()) == p; }
bool ends_at(V32 t, std::size_t end, V32 p) { return end >= p.size() && t.substr(end - p.size(), p.size()) == p; }

bool is_digit(char32_t c) { return c >= U'0' && c <= U'9'; }
bool is_kanji_numeral(char32_t c) {
  return c == U'〇' || c == U'一' || c == U'二' || c == U'三' || c == U'四' || c == U'五' || c == U'六' ||
         c == U'七' || c == U'八' || c == U'九' || c == U'十' || c == U'百' || c == U'千';
}
bool is_kanji(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0xF900 && c <= 0xFAFF) ||
         c == U'々' || (c >= 0x20000 && c <= 0x3134F);
}
bool is_katakana(char32_t c) { return (c >= U'ァ' && c <= U'ヶ') || c == U'ー'; }
// Letters a law's short name is made of (不正競争防止法, 労働者派遣法, 不正アクセス禁止法).
bool is_name_char(char32_t c) { return is_kanji(c) || is_katakana(c); }

// 号 sub-items: イ ロ ハ … in iroha order.
bool is_iroha(char32_t c) {
  static constexpr V32 kIroha = U"イロハニホヘトチリヌルヲワカヨタレソツネナラムウヰノオクヤマケフコエテアサキユメミシヱヒモセス";
  return kIroha.find(c) != V32::npos;
}

// --- law names -------------------------------------------------------------------------------------

// Official titles and their usual abbreviations. Titles with kana are listed so that the kana do
// not cut them (個人情報の保護に関する法律).
constexpr std::array<std::pair<std::string_view, std::string_view>, 52> kLawNames = {{
    {"不正競争防止法", "不正競争防止法"},
    {"不競法", "不正競争防止法"},
    {"不競防法", "不正競争防止法"},
    {"刑事訴訟法", "刑事訴訟法"},
    {"刑訴法", "刑事訴訟法"},
    {"民事訴訟法", "民事訴訟法"},
    {"民訴法", "民事訴訟法"},
    {"刑事訴訟規則", "刑事訴訟規則"},
    {"刑訴規則", "刑事訴訟規則"},
    {"民事訴訟規則", "民事訴訟規則"},
    {"民訴規則", "民事訴訟規則"},
    {"民法", "民法"},
    {"刑法", "刑法"},
    {"商法", "商法"},
    {"会社法", "会社法"},
    {"特許法", "特許法"},
    {"実用新案法", "実用新案法"},
    {"意匠法", "意匠法"},
    {"商標法", "商標法"},
    {"著作権法", "著作権法"},
    {"関税法", "関税法"},
    {"労働基準法", "労働基準法"},
    {"労基法", "労働基準法"},
    {"労働契約法", "労働契約法"},
    {"労契法", "労働契約法"},
    {"公益通報者保護法", "公益通報者保護法"},
    {"個人情報の保護に関する法律", "個人情報の保護に関する法律"},
    {"個人情報保護法", "個人情報の保護に関する法律"},
    {"不正アクセス行為の禁止等に関する法律", "不正アクセス行為の禁止等に関する法律"},
    {"不正アクセス禁止法", "不正アクセス行為の禁止等に関する法律"},
    {"外国為替及び外国貿易法", "外国為替及び外国貿易法"},
    {"外為法", "外国為替及び外国貿易法"},
    {"私的独占の禁止及び公正取引の確保に関する法律", "私的独占の禁止及び公正取引の確保に関する法律"},
    {"独占禁止法", "私的独占の禁止及び公正取引の確保に関する法律"},
    {"独禁法", "私的独占の禁止及び公正取引の確保に関する法律"},
    {"日本国憲法", "日本国憲法"},
    {"憲法", "日本国憲法"},
    {"労働者派遣事業の適正な運営の確保及び派遣労働者の保護等に関する法律",
     "労働者派遣事業の適正な運営の確保及び派遣労働者の保護等に関する法律"},
    {"労働者派遣法", "労働者派遣事業の適正な運営の確保及び派遣労働者の保護等に関する法律"},
    {"行政事件訴訟法", "行政事件訴訟法"},
    {"行訴法", "行政事件訴訟法"},
    {"民事執行法", "民事執行法"},
    {"民執法", "民事執行法"},
    {"民事保全法", "民事保全法"},
    {"民保法", "民事保全法"},
    {"破産法", "破産法"},
    {"民事調停法", "民事調停法"},
    {"家事事件手続法", "家事事件手続法"},
    {"非訟事件手続法", "非訟事件手続法"},
    {"裁判所法", "裁判所法"},
    {"弁護士法", "弁護士法"},
    {"特許法施行規則", "特許法施行規則"},
}};

// Words ending in 法/令 that are not laws (方法, 違法, 命令): a name must not end with one.
constexpr std::array<V32, 18> kNotLaws = {U"方法", U"手法", U"違法", U"適法", U"合法", U"不法", U"用法", U"製法",
                                          U"療法", U"寸法", U"作法", U"工法", U"命令", U"法令", U"指令",
                                          U"訓令", U"号令", U"技法"};

// A law name ending at `end` (exclusive), as written, when one stands there. Known names and aliases
// first (longest first); a name of one or two letters (民法, 法) must not be the tail of a longer word.
// Else a run of kanji and katakana of three or more letters ending in 法, 法律, 令 or 施行規則.
struct FoundLaw {
  std::size_t begin = 0;
  std::string title;
  bool old_law = false;
  bool same = false;  // 同法
};

// Not the tail of a longer word; an enumerator glued before it does not count (87802: "イ民法７０９条").
bool is_alone(V32 t, std::size_t begin) {
  if (begin == 0 || !is_name_char(t[begin - 1])) return true;
  return is_katakana(t[begin - 1]) && (begin == 1 || !is_name_char(t[begin - 2]));
}

// kLawNames decoded once: known_before runs at every 法 of a text.
const std::vector<std::pair<U32, std::string>>& law_names32() {
  static const auto names = [] {
    std::vector<std::pair<U32, std::string>> out;
    for (const auto& [written, title] : kLawNames) out.emplace_back(utf8::to_u32(written), std::string(title));
    return out;
  }();
  return names;
}

class LawLookup {
 public:
  explicit LawLookup(const CitationContext& ctx) : ctx_(ctx) {}

  std::optional<FoundLaw> before(V32 t, std::size_t end) const {
    if (end == 0) return std::nullopt;
    auto alone = [&](std::size_t begin) { return is_alone(t, begin); };
    if (ends_at(t, end, U"同法")) {
      FoundLaw f{end - 2, ctx_.last_law, false, true};
      return f;
    }
    if (auto known = known_before(t, end)) return known;
    // 法, 本法, 旧法: the document's own law.
    for (V32 own : {V32(U"本法"), V32(U"旧法"), V32(U"法")}) {
      if (ends_at(t, end, own) && alone(end - own.size())) {
        if (ctx_.default_law.empty()) return std::nullopt;
        return FoundLaw{end - own.size(), ctx_.default_law, own == U"旧法", false};
      }
    }
    // An unknown law: 中小企業信用保険法, 銃砲刀剣類所持等取締法, 不正競争防止法施行令.
    std::size_t begin = end;
    while (begin > 0 && is_name_char(t[begin - 1]) && end - begin < 30) --begin;
    const V32 name = t.substr(begin, end - begin);
    if (name.size() < 3) return std::nullopt;
    const bool law_like = ends_at(name, name.size(), U"法") || ends_at(name, name.size(), U"法律") ||
                          ends_at(name, name.size(), U"令") || ends_at(name, name.size(), U"施行規則");
    if (!law_like) return std::nullopt;
    for (V32 no : kNotLaws)
      if (ends_at(name, name.size(), no)) return std::nullopt;
    FoundLaw f{begin, canonical_law_name(utf8::from_u32(name)), false, false};
    if (name.front() == U'旧' && name.size() > 3) {
      f.old_law = true;
      f.title = canonical_law_name(utf8::from_u32(name.substr(1)));
    }
    return f;
  }

  // A name the document defined (以下「不競法」という) or a built-in name or abbreviation ending at
  // `end`: the longest. 同法, 法 and unknown names are not looked at.
  std::optional<FoundLaw> known_before(V32 t, std::size_t end) const {
    if (end == 0) return std::nullopt;
    auto alone = [&](std::size_t begin) { return is_alone(t, begin); };
    auto old_prefix = [&](std::size_t begin) { return begin > 0 && t[begin - 1] == U'旧' && alone(begin - 1); };
    std::optional<FoundLaw> best;
    auto consider = [&](V32 w, const std::string& title) {
      if (!ends_at(t, end, w)) return;
      const std::size_t begin = end - w.size();
      const bool short_name = w.size() <= 2;
      if (short_name && !alone(begin) && !old_prefix(begin)) return;
      if (best && best->begin <= begin) return;
      FoundLaw f{begin, title, old_prefix(begin), false};
      if (f.old_law) f.begin -= 1;
      best = f;
    };
    for (const auto& [written, title] : ctx_.aliases) consider(utf8::to_u32(written), title);
    for (const auto& [written, title] : law_names32()) consider(written, title);
    return best;
  }

 private:
  const CitationContext& ctx_;
};

// --- 条 / 項 / 号 elements -----------------------------------------------------------------------

enum class Unit { Article, Paragraph, Item };

// One element of a chain: 第２条の２, ６項, 4・5・7・8号.
struct Element {
  Unit unit = Unit::Article;
  std::vector<std::string> values;  // several for 4・5・7・8号
  std::size_t end = 0;
};

// A number at t[i]: ASCII digits, or kanji numerals when `kanji` (they follow 第 only: 第十九条).
std::optional<std::pair<long, std::size_t>> read_number(V32 t, std::size_t i, bool kanji) {
  std::size_t j = i;
  if (j < t.size() && is_digit(t[j])) {
    long v = 0;
    while (j < t.size() && is_digit(t[j]) && j - i < 6) v = v * 10 + (t[j++] - U'0');
    if (j < t.size() && is_digit(t[j])) return std::nullopt;
    return std::make_pair(v, j);
  }
  if (!kanji) return std::nullopt;
  while (j < t.size() && is_kanji_numeral(t[j]) && j - i < 8) ++j;
  if (j == i) return std::nullopt;
  const auto v = parse_japanese_number(utf8::from_u32(t.substr(i, j - i)));
  if (!v) return std::nullopt;
  return std::make_pair(*v, j);
}

// Words after 条 that make it something else: 条例, 条約, 条件, 条項.
bool article_word_follows(V32 t, std::size_t i) {
  if (i >= t.size()) return false;
  const char32_t c = t[i];
  return c == U'例' || c == U'約' || c == U'件' || c == U'理' || c == U'文' || c == U'規';
}

std::optional<Element> read_element(V32 t, std::size_t i) {
  bool dai = false;
  if (i < t.size() && t[i] == U'第') {
    dai = true;
    ++i;
  }
  Element e;
  std::vector<long> numbers;
  for (;;) {
    auto n = read_number(t, i, dai);
    if (!n) return std::nullopt;
    numbers.push_back(n->first);
    i = n->second;
    if (i < t.size() && t[i] == U'・' && i + 1 < t.size() && (is_digit(t[i + 1]) || (dai && is_kanji_numeral(t[i + 1])))) {
      ++i;
      continue;
    }
    break;
  }
  if (i >= t.size()) return std::nullopt;
  if (t[i] == U'条') {
    e.unit = Unit::Article;
    ++i;
    if (article_word_follows(t, i)) return std::nullopt;
  } else if (t[i] == U'項') {
    e.unit = Unit::Paragraph;
    ++i;
  } else if (t[i] == U'号') {
    e.unit = Unit::Item;
    ++i;
  } else {
    return std::nullopt;
  }
  for (long n : numbers) e.values.push_back(std::to_string(n));
  // 第十九条の二, 40条の6, 24条の4の2: branch numbers (枝番号) belong to the article.
  if (e.unit == Unit::Article) {
    while (i + 1 < t.size() && (t[i] == U'の' || t[i] == U'ノ')) {
      auto n = read_number(t, i + 1, true);
      if (!n) break;
      // "2条の規定" has no number after の; "3条の2第1項" does.
      for (auto& v : e.values) v += "の" + std::to_string(n->first);
      i = n->second;
    }
  }
  e.end = i;
  return e;
}

// Words that qualify the provision just cited and are skipped: ２条１項ただし書, ７０９条前段.
std::size_t skip_qualifier(V32 t, std::size_t i) {
  static constexpr std::array<V32, 10> kQualifiers = {U"ただし書", U"但書", U"本文", U"前段", U"後段", U"柱書",
                                                      U"括弧書", U"かっこ書", U"各号", U"まで"};
  for (V32 q : kQualifiers)
    if (starts(t, i, q)) return i + q.size();
  return i;
}

enum class Joint { None, List, Range };

// A connector between elements: 、 , ・ 及び 並びに 又は 若しくは (a list), ないし 乃至 から ～ (a range).
std::pair<Joint, std::size_t> read_joint(V32 t, std::size_t i) {
  static constexpr std::array<V32, 10> kList = {U",", U"、", U"・", U"及び", U"並びに", U"又は", U"若しくは",
                                                U"及", U"又", U"並"};
  static constexpr std::array<V32, 5> kRange = {U"ないし", U"乃至", U"から", U"~", U"～"};
  for (V32 r : kRange)
    if (starts(t, i, r)) return {Joint::Range, i + r.size()};
  for (V32 l : kList)
    if (starts(t, i, l)) return {Joint::List, i + l.size()};
  return {Joint::None, i};
}

constexpr std::array<V32, 5> kEraNames = {U"明治", U"大正", U"昭和", U"平成", U"令和"};

// --- statute chains --------------------------------------------------------------------------------

class StatuteScanner {
 public:
  StatuteScanner(V32 t, CitationContext& ctx, std::vector<StatuteCitation>& out)
      : t_(t), ctx_(ctx), laws_(ctx), out_(out) {}

  void run() {
    std::size_t i = 0;
    while (i < t_.size()) {
      const char32_t c = t_[i];
      std::size_t next = i + 1;
      if (c == U'第' || (is_digit(c) && (i == 0 || (!is_digit(t_[i - 1]) && t_[i - 1] != U'.')))) {
        next = try_article(i);
      } else if (c == U'同' && starts(t_, i, U"同号")) {
        next = try_same_item(i);
      } else if (c == U'同' && (starts(t_, i, U"同条") || starts(t_, i, U"同項") ||
                                (i + 1 < t_.size() && (is_digit(t_[i + 1]) || t_[i + 1] == U'第')))) {
        next = try_same(i);
      } else if ((c == U'前' || c == U'次' || c == U'本') && !ctx_.here.article.empty()) {
        next = try_relative(i);
      } else if (c == U'以' && starts(t_, i, U"以下「")) {
        define_alias(i);
      } else if (c == U'法' || c == U'律' || c == U'則') {
        note_mention(i + 1);
      }
      i = std::max(next, i + 1);
    }
  }

 private:
  // A chain starting with an article at i; returns where scanning goes on.
  std::size_t try_article(std::size_t i) {
    auto first = read_element(t_, i);
    if (!first) return i + 1;
    if (first->unit != Unit::Article) return try_bare(i, *first);
    std::optional<FoundLaw> law = law_before(i);
    StatuteCitation base;
    if (law) {
      if (law->title.empty()) return skip_chain(*first);  // 同法 / 法 with nothing to refer to
      base.law = law->title;
      base.old_law = law->old_law;
      if (!law->same) ctx_.last_law = law->title;
    } else if (!ctx_.self_law.empty()) {
      base.law = ctx_.self_law;
    } else if (continues_sentence(i)) {
      // 87262: "不正競争防止法２条１項７号の不正競争を理由とする３条１項に基づく": the law just cited.
      base.law = ctx_.last.law;
      base.old_law = ctx_.last.old_law;
    } else {
      return first->end;  // ３条 of a contract, 第３条 of guidance: no law to cite
    }
    return chain(base, *first);
  }

  // A bare article shortly after a citation in the same sentence, not glued to a word (秘密保持誓約１条).
  bool continues_sentence(std::size_t i) const {
    if (last_end_ == V32::npos || ctx_.last.law.empty() || i < last_end_ || i - last_end_ > 30) return false;
    if (i > 0 && is_name_char(t_[i - 1])) return false;
    return t_.substr(last_end_, i - last_end_).find(U'。') == V32::npos;
  }

  // 同条２項, 同項３号, 同２項 (87262: "３条１項に基づく…，②同２項に基づく"): the article (and
  // paragraph) cited last.
  std::size_t try_same(std::size_t i) {
    if (ctx_.last.law.empty()) return i + 1;
    const bool bare = !starts(t_, i, U"同条") && !starts(t_, i, U"同項");
    const bool article = starts(t_, i, U"同条") || bare;
    const std::size_t from = bare ? i + 1 : i + 2;
    auto e = read_element(t_, from);
    if (!e || e->unit == Unit::Article || (!article && e->unit != Unit::Item) || (bare && e->unit != Unit::Paragraph))
      return i + 1;
    StatuteCitation base = ctx_.last;
    base.item.clear();
    base.subitem.clear();
    if (article) base.paragraph.clear();
    Element first;
    first.unit = Unit::Article;
    first.values = {base.article};
    first.end = from;
    return chain(base, first, &*e);
  }

  // Reads a chain that cites nothing (同法 with no law before it) so that its 第一項 is not taken
  // for a bare paragraph of the article here.
  std::size_t skip_chain(const Element& first) {
    const std::size_t before = out_.size();
    const StatuteCitation last = ctx_.last;
    StatuteCitation none;
    none.article = first.values.front();
    const std::size_t end = first.unit == Unit::Article ? chain(none, first) : first.end;
    out_.resize(before);
    ctx_.last = last;
    return end;
  }

  // 88984: "不正競争防止法において「営業秘密」とは…をいう（同法２条６項）" after 民法７１５条: a law
  // named without an article is what 同法 means from then on; so is one named with its law number
  // ("公文書等の管理に関する法律（平成二十一年法律第六十六号）第二章の規定…同法第十四条"). Not the
  // head of a longer title (特許法等の一部を改正する法律, 不正競争防止法施行令).
  void note_mention(std::size_t end) {
    if (end < t_.size() && (t_[end] == U'等' || t_[end] == U'施' || starts(t_, end, U"の一部"))) return;
    if (auto law = laws_.known_before(t_, end); law && !law->title.empty()) {
      ctx_.last_law = law->title;
    } else if (end < t_.size() && t_[end] == U'(') {
      const std::size_t close = t_.find(U')', end);
      if (close != V32::npos && close - end < 30 && is_law_number(t_.substr(end + 1, close - end - 1))) {
        const std::string name = name_back_to_punctuation(end, 40);
        if (!name.empty()) ctx_.last_law = name;
      }
    }
  }

  // 同号 (2条1項8号: "前号に規定する場合において同号に規定する目的で"): the item cited last.
  std::size_t try_same_item(std::size_t i) {
    if (ctx_.last.law.empty() || ctx_.last.item.empty()) return i + 1;
    StatuteCitation base = ctx_.last;
    base.subitem.clear();
    Element first;
    first.values = {base.article};
    first.end = i;
    Element item;
    item.unit = Unit::Item;
    item.values = {base.item};
    item.end = i + 2;
    return chain(base, first, &item);
  }

  // A paragraph or item without its article (第二項, 第三号) in a statute or a commentary: of the
  // article here, or, right after a cited article, of that one ("第二十一条（第二項第七号に係る部分を
  // 除く。）"). Not an exhibit (甲第１号証) nor a word (第１項目).
  std::size_t try_bare(std::size_t i, const Element& e) {
    if (t_[i] != U'第' || ctx_.here.article.empty() || ctx_.here.law.empty()) return i + 1;
    if (i > 0 && V32(U"同前次本各甲乙丙丁").find(t_[i - 1]) != V32::npos) return i + 1;
    if (e.end < t_.size() && (t_[e.end] == U'証' || t_[e.end] == U'目' || t_[e.end] == U'様')) return i + 1;
    if (law_before(i)) return skip_chain(e);  // 法第２項: a law's paragraph without its article is no citation
    StatuteCitation base = ctx_.here;
    base.subitem.clear();
    const bool after_citation = i > 0 && t_[i - 1] == U'(' && last_end_ == i - 1 && !ctx_.last.law.empty();
    if (after_citation) {
      base = ctx_.last;
      base.paragraph.clear();
    }
    base.item.clear();
    if (e.unit == Unit::Paragraph) {
      base.paragraph.clear();
    } else if (base.paragraph.empty()) {
      base.paragraph = "1";
    }
    Element first;
    first.values = {base.article};
    first.end = i;
    return chain(base, first, &e);
  }

  // 前条, 次条, 本条, 前二条, 前項, 次項, 本項, 前各項, 前号, 次号, 本号, 前三号, 前各号, counted from
  // ctx.here; a chain may follow (前条第二項, 前項第六号, 前号イからハまで).
  std::size_t try_relative(std::size_t i) {
    const StatuteCitation& here = ctx_.here;
    if (here.law.empty()) return i + 1;
    const char32_t dir = t_[i];
    std::size_t k = i + 1;
    bool each = false;
    long count = 1;
    if (dir == U'前' && k < t_.size() && t_[k] == U'各') {
      each = true;
      ++k;
    } else if (dir == U'前' && k < t_.size() && is_kanji_numeral(t_[k])) {
      auto n = read_number(t_, k, true);
      if (!n || n->first < 1 || n->first > 20) return i + 1;
      count = n->first;
      k = n->second;
    }
    if (k >= t_.size()) return i + 1;
    const char32_t unit = t_[k++];
    if (unit != U'条' && unit != U'項' && unit != U'号') return i + 1;
    // Words: 本条約, 前条件, 本項目, 前号証.
    if (unit == U'条' && article_word_follows(t_, k)) return i + 1;
    if (k < t_.size() && (t_[k] == U'目' || t_[k] == U'証')) return i + 1;
    if (dir != U'前' && (each || count > 1)) return i + 1;
    if (dir == U'本' && i > 0 && is_kanji(t_[i - 1])) return i + 1;  // 資本条項, 日本号

    StatuteCitation base;
    base.law = here.law;
    base.old_law = here.old_law;
    Element first;
    first.end = k;
    if (unit == U'条') {
      if (each) return i + 1;
      first.values = relative_articles(dir, count);
      if (first.values.empty()) return i + 1;
      return chain(base, first);
    }
    first.values = {here.article};
    Element e;
    e.end = k;
    if (unit == U'項') {
      e.unit = Unit::Paragraph;
      e.values = relative_numbers(here.paragraph, dir, each, count);
    } else {
      e.unit = Unit::Item;
      e.values = relative_numbers(here.item, dir, each, count);
      base.paragraph = here.paragraph.empty() ? "1" : here.paragraph;
    }
    if (e.values.empty()) return i + 1;
    return chain(base, first, &e);
  }

  // 前 / 次 / 本 (count before, each before) of a paragraph or item number: 前二項 of 4 → 2, 3.
  static std::vector<std::string> relative_numbers(const std::string& current, char32_t dir, bool each, long count) {
    const long cur = leading_number(current);
    if (cur <= 0) return {};
    if (dir == U'本') return {current};
    if (dir == U'次') return {std::to_string(cur + 1)};
    std::vector<std::string> out;
    for (long v = each ? 1 : std::max(1L, cur - count); v < cur; ++v) out.push_back(std::to_string(v));
    return out;
  }

  // 前条, 前二条, 次条, 本条 of here.article: by the statute's own order when known (前条 of 3 is
  // 2の2), else counted (前条 of 19の2 is 19, 次条 of 19 is 20).
  std::vector<std::string> relative_articles(char32_t dir, long count) const {
    const std::string& cur = ctx_.here.article;
    if (dir == U'本') return {cur};
    const auto& order = ctx_.article_order;
    const auto at = std::find(order.begin(), order.end(), cur);
    if (at != order.end()) {
      const std::size_t idx = static_cast<std::size_t>(at - order.begin());
      if (dir == U'次') return idx + 1 < order.size() ? std::vector<std::string>{order[idx + 1]} : std::vector<std::string>{};
      const std::size_t from = idx >= static_cast<std::size_t>(count) ? idx - count : 0;
      return std::vector<std::string>(order.begin() + from, at);
    }
    const long base = leading_number(cur);
    if (base <= 0) return {};
    if (dir == U'次') return {std::to_string(base + 1)};
    const long upto = cur.find("の") != std::string::npos ? base : base - 1;  // 前条 of 19の2 is 19
    std::vector<std::string> out;
    for (long v = std::max(1L, upto - count + 1); v <= upto; ++v) out.push_back(std::to_string(v));
    return out;
  }

  static long leading_number(const std::string& s) {
    long v = 0;
    std::size_t k = 0;
    while (k < s.size() && k < 6 && s[k] >= '0' && s[k] <= '9') v = v * 10 + (s[k++] - '0');
    return k == 0 ? -1 : v;
  }

  // The law named just before an article at i: 不正競争防止法２条, 特許法（昭和三十四年法律第百二十一号）第二条,
  // 不正競争防止法（２条１項７号及び１５号）.
  std::optional<FoundLaw> law_before(std::size_t i) const {
    if (i > 0 && t_[i - 1] == U')') {
      const std::size_t open = matching_open(i - 1);
      if (open == V32::npos) return std::nullopt;
      const V32 inner = t_.substr(open + 1, i - 1 - open - 1);
      // Only a law number or a definition sits between a law's name and its article.
      if (inner.find(U'号') == V32::npos && inner.find(U"以下") == V32::npos && inner.find(U"改正") == V32::npos)
        return std::nullopt;
      if (auto law = laws_.before(t_, open)) return law;
      // A law number names another instrument, whatever its name (行政機関の休日に関する法律, 爆発物取締罰則):
      // the article is never the citing statute's own.
      FoundLaw other;
      if (is_law_number(inner)) other.title = name_back_to_punctuation(open, 40);
      return other;
    }
    if (i > 0 && t_[i - 1] == U'(') return laws_.before(t_, i - 1);
    return laws_.before(t_, i);
  }

  // 昭和六十三年法律第九十一号, 明治十七年太政官布告第三十二号, 平成２７年法律第５４号による改正前のもの.
  static bool is_law_number(V32 inner) {
    for (V32 era : kEraNames)
      if (starts(inner, 0, era)) return inner.find(U'号') != V32::npos;
    return false;
  }

  // The words before `end` back to punctuation or a particle, when they end like a law or rule.
  // に and の go on inside "…に関する法律" (公文書等の管理に関する法律), else they end the name. A slash
  // (also ／, folded) ends it too: it separates the parts of a citation key (law/article/…), and a
  // name holding one made keys that do not read back (found by fuzz/citations_fuzz.cc).
  std::string name_back_to_punctuation(std::size_t end, std::size_t max) const {
    std::size_t begin = end;
    const bool about = t_.substr(begin > max ? end - max : 0, std::min(end, max)).find(U"に関する") != V32::npos;
    while (begin > 0 && end - begin < max) {
      const char32_t c = t_[begin - 1];
      if (V32(U",、。(「」)はがをでと/").find(c) != V32::npos) break;
      if ((c == U'に' || c == U'の') && !(about && t_.substr(begin - 1, end - begin + 1).find(U"に関する") != V32::npos))
        break;
      --begin;
    }
    return canonical_law_name(utf8::from_u32(t_.substr(begin, end - begin)));
  }

  std::size_t matching_open(std::size_t close) const {
    int depth = 0;
    for (std::size_t k = close + 1; k-- > 0 && close - k < 200;) {
      if (t_[k] == U')') ++depth;
      if (t_[k] == U'(' && --depth == 0) return k;
    }
    return V32::npos;
  }

  // Reads 条/項/号 elements from `first` on, emitting one citation per provision.
  std::size_t chain(StatuteCitation cur, const Element& first, const Element* pending = nullptr) {
    std::vector<std::string> articles = first.values, paragraphs, items;
    if (!cur.paragraph.empty()) paragraphs = {cur.paragraph};
    std::size_t i = first.end;
    Unit last_unit = Unit::Article;
    std::string subitem;
    auto emit_all = [&]() {
      for (const auto& a : articles) {
        StatuteCitation c = cur;
        c.article = a;
        if (paragraphs.empty() && items.empty()) {
          out_.push_back(c);
          continue;
        }
        const std::vector<std::string> ps = paragraphs.empty() ? std::vector<std::string>{"1"} : paragraphs;
        for (const auto& p : ps) {
          c.paragraph = p;
          if (items.empty()) {
            c.item.clear();
            out_.push_back(c);
            continue;
          }
          for (const auto& it : items) {
            c.item = it;
            c.subitem = items.size() == 1 ? subitem : "";
            out_.push_back(c);
          }
        }
      }
      if (!out_.empty()) ctx_.last = out_.back();
    };
    // Deeper elements of the same provision: ２条 → １項 → ４号 → ロ.
    auto read_deeper = [&](std::size_t& k) {
      for (;;) {
        auto e = read_element(t_, k);
        if (!e) break;
        if (e->unit == Unit::Paragraph && last_unit == Unit::Article) {
          paragraphs = e->values;
        } else if (e->unit == Unit::Item && last_unit != Unit::Item) {
          items = e->values;
        } else {
          break;
        }
        last_unit = e->unit;
        k = e->end;
      }
      if (last_unit == Unit::Item && k < t_.size() && is_iroha(t_[k]) &&
          (k + 1 >= t_.size() || !is_katakana(t_[k + 1]))) {
        subitem = utf8::from_u32(t_.substr(k, 1));
        ++k;
      }
    };
    if (pending) {
      if (pending->unit == Unit::Paragraph) {
        paragraphs = pending->values;
        last_unit = Unit::Paragraph;
      } else {
        items = pending->values;
        if (paragraphs.empty() && !cur.paragraph.empty()) paragraphs = {cur.paragraph};
        last_unit = Unit::Item;
      }
      i = pending->end;
    }
    read_deeper(i);
    for (;;) {
      i = skip_qualifier(t_, i);
      const auto [joint, after] = read_joint(t_, i);
      if (joint == Joint::None) break;
      // 「同法」 or another law after the joint starts a chain of its own.
      auto e = read_element(t_, after);
      if (!e) break;
      const Unit deepest = last_unit;
      if (e->unit == Unit::Article) {
        emit_all();
        auto values = e->values;
        if (joint == Joint::Range && deepest == Unit::Article) values = expand(articles.back(), values.front());
        articles = values;
        paragraphs.clear();
        items.clear();
        subitem.clear();
        last_unit = Unit::Article;
        i = e->end;
        read_deeper(i);
      } else if (e->unit == Unit::Paragraph && deepest != Unit::Article) {
        // ３条１項及び２項: same article, another paragraph.
        emit_all();
        auto values = e->values;
        if (joint == Joint::Range && deepest == Unit::Paragraph && !paragraphs.empty())
          values = expand(paragraphs.back(), values.front());
        paragraphs = values;
        items.clear();
        subitem.clear();
        last_unit = Unit::Paragraph;
        i = e->end;
        read_deeper(i);
      } else if (e->unit == Unit::Item && deepest == Unit::Item) {
        // ２条１項８号，９号及び１５号 / ４号ないし９号: same paragraph, other items.
        auto values = e->values;
        if (joint == Joint::Range && !items.empty()) values = expand(items.back(), values.front());
        emit_all();
        items = values;
        subitem.clear();
        i = e->end;
        read_deeper(i);
      } else {
        break;
      }
    }
    emit_all();
    last_end_ = i;
    return i;
  }

  // (after 4) "9" → 5…9 when both are plain numbers and the range is short; else just {to}.
  static std::vector<std::string> expand(const std::string& from, const std::string& to) {
    const bool plain = from.find_first_not_of("0123456789") == std::string::npos &&
                       to.find_first_not_of("0123456789") == std::string::npos && !from.empty() && !to.empty();
    if (!plain) return {to};
    const long a = std::stol(from), b = std::stol(to);
    if (b <= a || b - a > 50) return {to};
    std::vector<std::string> out;
    for (long v = a + 1; v <= b; ++v) out.push_back(std::to_string(v));
    return out;
  }

  // 不正競争防止法（以下「不競法」という。）: 不競法 now means 不正競争防止法.
  void define_alias(std::size_t i) {
    const std::size_t open = t_.rfind(U'(', i);
    if (open == V32::npos || i - open > 80 || t_.substr(open, i - open).find(U')') != V32::npos) return;
    const std::size_t name_begin = i + 3;  // after 以下「
    const std::size_t close = t_.find(U'」', name_begin);
    if (close == V32::npos || close - name_begin > 20) return;
    const std::string alias = utf8::from_u32(t_.substr(name_begin, close - name_begin));
    if (alias.find("法") == std::string::npos && alias.find("令") == std::string::npos) return;
    std::string title;
    if (auto law = laws_.before(t_, open); law && !law->title.empty()) {
      title = law->title;
    } else {
      // An unknown title with kana in it: 〜に関する法律, back to the last punctuation.
      title = name_back_to_punctuation(open, 60);
      const U32 name = utf8::to_u32(title);
      if (!ends_at(name, name.size(), U"法") && !ends_at(name, name.size(), U"法律")) return;
    }
    ctx_.aliases[alias] = title;
    if (alias == "法" && ctx_.default_law.empty()) ctx_.default_law = title;
    ctx_.last_law = title;
  }

  V32 t_;
  CitationContext& ctx_;
  LawLookup laws_;
  std::vector<StatuteCitation>& out_;
  std::size_t last_end_ = V32::npos;  // where the last chain of this text ended
};

// --- ruling references ------------------------------------------------------------------------------

constexpr const std::array<V32, 5>& kEras = kEraNames;

// Places of the high courts and district courts (本庁) as citations abbreviate them.
constexpr std::array<V32, 50> kCourtPlaces = {
    U"東京", U"大阪", U"名古屋", U"広島", U"福岡", U"仙台", U"札幌", U"高松", U"横浜", U"さいたま",
    U"千葉", U"水戸", U"宇都宮", U"前橋", U"静岡", U"甲府", U"長野", U"新潟", U"京都", U"神戸",
    U"奈良", U"大津", U"和歌山", U"津", U"岐阜", U"福井", U"金沢", U"富山", U"山口", U"岡山",
    U"鳥取", U"松江", U"佐賀", U"長崎", U"大分", U"熊本", U"鹿児島", U"宮崎", U"那覇", U"福島",
    U"山形", U"盛岡", U"秋田", U"青森", U"函館", U"旭川", U"釧路", U"徳島", U"高知", U"松山"};

struct EraYear {
  std::size_t era = 0;  // index into kEras
  long year = 0;
  std::size_t end = 0;
};

std::optional<EraYear> read_era_year(V32 t, std::size_t i) {
  for (std::size_t e = 0; e < kEras.size(); ++e) {
    if (!starts(t, i, kEras[e])) continue;
    std::size_t k = i + 2;
    if (k < t.size() && t[k] == U'元') return EraYear{e, 1, k + 1};
    auto n = read_number(t, k, true);
    if (!n || n->first < 1 || n->first > 99) return std::nullopt;
    return EraYear{e, n->first, n->second};
  }
  return std::nullopt;
}

std::string iso_date(const EraYear& ey, long month, long day) {
  const auto year = era_to_gregorian(utf8::from_u32(kEras[ey.era]), static_cast<int>(ey.year));
  if (!year || month < 1 || month > 12 || day < 1 || day > 31) return "";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02ld-%02ld", *year, month, day);
  return buf;
}

// Month and day after a year: 年3月21日, ・3・21, .3.21. Returns the date and its end.
std::optional<std::pair<std::string, std::size_t>> read_month_day(V32 t, std::size_t k, const EraYear& ey) {
  if (k >= t.size()) return std::nullopt;
  const char32_t sep = t[k];
  if (sep == U'年') {
    auto m = read_number(t, k + 1, true);
    if (!m || m->second >= t.size() || t[m->second] != U'月') return std::nullopt;
    auto d = read_number(t, m->second + 1, true);
    if (!d || d->second >= t.size() || t[d->second] != U'日') return std::nullopt;
    const std::string date = iso_date(ey, m->first, d->first);
    if (date.empty()) return std::nullopt;
    return std::make_pair(date, d->second + 1);
  }
  if (sep == U'・' || sep == U'.') {
    auto m = read_number(t, k + 1, false);
    if (!m || m->second >= t.size() || t[m->second] != sep) return std::nullopt;
    auto d = read_number(t, m->second + 1, false);
    if (!d) return std::nullopt;
    const std::string date = iso_date(ey, m->first, d->first);
    if (date.empty()) return std::nullopt;
    return std::make_pair(date, d->second);
  }
  return std::nullopt;
}

// 平成22年(ネ)第10039号 (also 平成13年(受)第866号,第867号 and 平成27年特(わ)第1号): the first number.
std::optional<std::pair<std::string, std::size_t>> read_case_number(V32 t, std::size_t i, EraYear* era_out = nullptr) {
  auto ey = read_era_year(t, i);
  if (!ey || ey->end >= t.size() || t[ey->end] != U'年') return std::nullopt;
  std::size_t k = ey->end + 1;
  std::string special;
  if (k < t.size() && t[k] == U'特') {
    special = "特";
    ++k;
  }
  if (k >= t.size() || t[k] != U'(') return std::nullopt;
  const std::size_t close = t.find(U')', k);
  if (close == V32::npos || close - k > 8 || close == k + 1) return std::nullopt;
  const V32 mark = t.substr(k + 1, close - k - 1);
  k = close + 1;
  if (k < t.size() && t[k] == U'第') ++k;
  auto n = read_number(t, k, true);
  if (!n || n->second >= t.size() || t[n->second] != U'号') return std::nullopt;
  k = n->second + 1;
  // More numbers of the same year: ,第867号
  while (k < t.size() && (t[k] == U',' || t[k] == U'、') && k + 1 < t.size()) {
    std::size_t j = k + 1;
    if (j < t.size() && t[j] == U'第') ++j;
    auto more = read_number(t, j, true);
    if (!more || more->second >= t.size() || t[more->second] != U'号') break;
    k = more->second + 1;
  }
  if (era_out) *era_out = *ey;
  const std::string number = utf8::from_u32(kEras[ey->era]) + std::to_string(ey->year) + special + "(" + utf8::from_u32(mark) + ")" +
                             std::to_string(n->first);
  return std::make_pair(number, k);
}

// A court at i: its written-out name and where it ends, with the judgment form when abbreviated
// (東京高判 → 東京高等裁判所, 判決). Benches are skipped (第三小法廷, 大法廷).
struct CourtAt {
  std::string court;
  std::string form;
  std::size_t end = 0;
};

// Every court name read_court knows starts with one of these characters; the scan over a whole
// text rejects all other positions with one lookup.
bool may_start_court(char32_t c) {
  static const std::u32string firsts = [] {
    std::u32string s = U"最大知";
    for (V32 place : kCourtPlaces) s += place.front();
    std::sort(s.begin(), s.end());
    s.erase(std::unique(s.begin(), s.end()), s.end());
    return s;
  }();
  return std::binary_search(firsts.begin(), firsts.end(), c);
}

std::optional<CourtAt> read_court(V32 t, std::size_t i) {
  if (i >= t.size() || !may_start_court(t[i])) return std::nullopt;
  auto form_after = [&](std::size_t k, CourtAt& c) {
    if (k < t.size() && (t[k] == U'判' || t[k] == U'決')) {
      c.form = t[k] == U'判' ? "判決" : "決定";
      c.end = k + 1;
      return true;
    }
    return false;
  };
  CourtAt c;
  // 最高裁判所 / 最高裁 / 最判 / 最決 / 最大判 / 最一小判 / 最三小決
  if (starts(t, i, U"最")) {
    c.court = "最高裁判所";
    if (starts(t, i, U"最高裁判所")) {
      c.end = i + 5;
    } else if (starts(t, i, U"最高裁")) {
      c.end = i + 3;
    } else {
      std::size_t k = i + 1;
      if (k < t.size() && t[k] == U'大') ++k;
      else if (k + 1 < t.size() && (t[k] == U'一' || t[k] == U'二' || t[k] == U'三') && t[k + 1] == U'小') k += 2;
      if (!form_after(k, c)) return std::nullopt;
      return c;
    }
    return c;
  }
  if (starts(t, i, U"大判") || starts(t, i, U"大決")) {
    c.court = "大審院";
    form_after(i + 1, c);
    return c;
  }
  if (starts(t, i, U"大審院")) {
    c.court = "大審院";
    c.end = i + 3;
    return c;
  }
  if (starts(t, i, U"知財高")) {
    c.court = "知的財産高等裁判所";
    if (starts(t, i, U"知財高裁")) c.end = i + 4;
    else if (!form_after(i + 3, c)) return std::nullopt;
    return c;
  }
  if (starts(t, i, U"知的財産高等裁判所")) {
    c.court = "知的財産高等裁判所";
    c.end = i + 9;
    return c;
  }
  for (V32 place : kCourtPlaces) {
    if (!starts(t, i, place)) continue;
    const std::size_t k = i + place.size();
    const std::string p = utf8::from_u32(place);
    if (starts(t, k, U"高等裁判所")) return CourtAt{p + "高等裁判所", "", k + 5};
    if (starts(t, k, U"地方裁判所")) return CourtAt{p + "地方裁判所", "", k + 5};
    if (starts(t, k, U"高裁")) return CourtAt{p + "高等裁判所", "", k + 2};
    if (starts(t, k, U"地裁")) return CourtAt{p + "地方裁判所", "", k + 2};
    if (starts(t, k, U"高") && form_after(k + 1, c)) return CourtAt{p + "高等裁判所", c.form, c.end};
    if (starts(t, k, U"地") && form_after(k + 1, c)) return CourtAt{p + "地方裁判所", c.form, c.end};
  }
  return std::nullopt;
}

// Skips a bench after the court: 第三小法廷, 第1小法廷, 大法廷, 第10刑事部, 民事第29部.
std::size_t skip_bench(V32 t, std::size_t k) {
  if (starts(t, k, U"大法廷")) return k + 3;
  if (starts(t, k, U"第")) {
    std::size_t j = k + 1;
    while (j < t.size() && (is_digit(t[j]) || is_kanji_numeral(t[j]))) ++j;
    if (starts(t, j, U"小法廷")) return j + 3;
    if (starts(t, j, U"刑事部") || starts(t, j, U"民事部")) return j + 3;
  }
  return k;
}

// The form after a date: 判決 / 決定, possibly after a bench (同23年3月12日大法廷判決).
std::size_t read_form(V32 t, std::size_t k, std::string& form) {
  const std::size_t j = skip_bench(t, k);
  if (starts(t, j, U"判決")) {
    form = "判決";
    return j + 2;
  }
  if (starts(t, j, U"決定")) {
    form = "決定";
    return j + 2;
  }
  return k;
}

class RulingScanner {
 public:
  RulingScanner(V32 t, std::vector<RulingCitation>& out) : t_(t), out_(out) {}

  void run() {
    std::size_t i = 0;
    while (i < t_.size()) i = std::max(i + 1, at(i));
  }

  // A citation at i, or i when none starts there.
  std::size_t at(std::size_t i) {
    auto court = read_court(t_, i);
    if (!court) return i;
    RulingCitation c;
    c.court = court->court;
    c.form = court->form;
    std::size_t k = skip_bench(t_, court->end);
    // Court, then a date: 東京高判平成29・3・21, 知財高裁平成23年9月27日判決(平成22年(ネ)第10039号).
    if (auto ey = read_era_year(t_, k)) {
      if (auto md = read_month_day(t_, ey->end, *ey)) {
        c.date = md->first;
        k = md->second;
        if (c.form.empty()) k = read_form(t_, k, c.form);
        if (k < t_.size() && t_[k] == U'(') {
          if (auto cn = read_case_number(t_, k + 1)) {
            c.case_number = cn->first;
            k = cn->second;
          }
        }
        out_.push_back(c);
        return k;
      }
      // Court, then the case number, then 同…日 …判決: 最高裁平成19年(受)第1105号同年12月18日第三小法廷判決.
      EraYear case_era;
      if (auto cn = read_case_number(t_, k, &case_era)) {
        c.case_number = cn->first;
        k = cn->second;
        if (starts(t_, k, U"同")) {
          EraYear ey2 = case_era;
          std::size_t j = k + 1;
          bool ok = false;
          if (j < t_.size() && t_[j] == U'年') {
            ok = true;  // 同年12月18日
          } else if (auto n = read_number(t_, j, true); n && n->second < t_.size() && t_[n->second] == U'年') {
            ey2.year = n->first;  // 同23年3月12日
            j = n->second;
            ok = true;
          }
          if (ok) {
            if (auto md = read_month_day(t_, j, ey2)) {
              c.date = md->first;
              k = read_form(t_, md->second, c.form);
            }
          }
        }
        out_.push_back(c);
        return k;
      }
    }
    return i;
  }

 private:
  V32 t_;
  std::vector<RulingCitation>& out_;
};

bool mentions_statute(std::string_view text) {
  return text.find("条") != std::string_view::npos || text.find("項") != std::string_view::npos ||
         text.find("号") != std::string_view::npos;
}
bool mentions_ruling(std::string_view text) {
  return text.find("判") != std::string_view::npos || text.find("決") != std::string_view::npos ||
         text.find("裁") != std::string_view::npos;
}

}  // namespace

std::string StatuteCitation::key() const {
  std::string k = law + (old_law ? "(旧)" : "") + "/" + article;
  if (!paragraph.empty()) k += "/" + paragraph;
  if (!paragraph.empty() && !item.empty()) k += "/" + item;
  return k;
}

StatuteCitation StatuteCitation::from_key(const std::string& key) {
  std::vector<std::string> parts;
  for (std::size_t start = 0; start <= key.size();) {
    const std::size_t slash = std::min(key.find('/', start), key.size());
    parts.push_back(key.substr(start, slash - start));
    start = slash + 1;
  }
  StatuteCitation c;
  static constexpr std::string_view kOld = "(旧)";
  c.law = parts[0];
  if (c.law.size() >= kOld.size() && c.law.compare(c.law.size() - kOld.size(), kOld.size(), kOld) == 0) {
    c.law.resize(c.law.size() - kOld.size());
    c.old_law = true;
  }
  if (parts.size() > 1) c.article = parts[1];
  if (parts.size() > 2) c.paragraph = parts[2];
  if (parts.size() > 3) c.item = parts[3];
  return c;
}

std::vector<std::string> StatuteCitation::key_levels() const {
  std::vector<std::string> out;
  std::string k = law + (old_law ? "(旧)" : "") + "/" + article;
  out.push_back(k);
  if (paragraph.empty()) return out;
  k += "/" + paragraph;
  out.push_back(k);
  if (item.empty()) return out;
  out.push_back(k + "/" + item);
  return out;
}

std::string RulingCitation::key() const { return court + "|" + date + "|" + case_number; }

Citations find_citations(std::string_view text, CitationContext& ctx) {
  Citations out;
  const bool statutes = mentions_statute(text), rulings = mentions_ruling(text);
  // 以下「不競法」という and a law named without an article (同法 later) matter too.
  if (!statutes && !rulings && text.find("以下") == std::string_view::npos && text.find("法") == std::string_view::npos)
    return out;
  const U32 t = fold(text);
  StatuteScanner(t, ctx, out.statutes).run();
  if (rulings) RulingScanner(t, out.rulings).run();
  return out;
}

void prepare_citation_context(const std::vector<std::string_view>& texts, CitationContext& ctx) {
  CitationContext probe = ctx;
  std::map<std::string, int> counts;
  for (std::string_view text : texts) {
    if (text.find("以下") == std::string_view::npos && !mentions_statute(text)) continue;
    for (const auto& c : find_citations(text, probe).statutes) ++counts[c.law];
  }
  ctx.aliases.insert(probe.aliases.begin(), probe.aliases.end());
  if (ctx.default_law.empty()) {
    if (auto it = probe.aliases.find("法"); it != probe.aliases.end()) {
      ctx.default_law = it->second;
    } else if (!ctx.self_law.empty()) {
      ctx.default_law = ctx.self_law;
    } else {
      int best = 0;
      for (const auto& [law, n] : counts)
        if (n > best) best = n, ctx.default_law = law;
    }
  }
}

std::optional<StatuteCitation> parse_statute_reference(std::string_view text) {
  CitationContext ctx;
  const auto found = find_citations(text, ctx).statutes;
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::optional<RulingCitation> parse_ruling_reference(std::string_view text) {
  const U32 t = fold(text);
  std::vector<RulingCitation> out;
  RulingScanner(t, out).run();
  if (!out.empty()) return out.front();
  // A case number alone: 平成22年(ネ)第10039号.
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (auto cn = read_case_number(t, i)) {
      RulingCitation c;
      c.case_number = cn->first;
      return c;
    }
  }
  return std::nullopt;
}

std::string canonical_law_name(std::string_view name) {
  for (const auto& [written, title] : kLawNames)
    if (written == name) return std::string(title);
  return std::string(name);
}

std::string citation_court(std::string_view printed) {
  const U32 t = fold(printed);
  if (auto c = read_court(t, 0); c && c->form.empty()) {
    // 東京地方裁判所立川支部 keeps its branch.
    const std::size_t k = c->end;
    const std::size_t branch = t.find(U"支部", k);
    if (branch != V32::npos && branch - k <= 4) {
      bool all_kanji = true;
      for (std::size_t j = k; j < branch; ++j) all_kanji = all_kanji && is_kanji(t[j]);
      if (all_kanji) return c->court + utf8::from_u32(t.substr(k, branch + 2 - k));
    }
    return c->court;
  }
  return utf8::from_u32(t);
}

}  // namespace tsubo
