// e-Gov 法令標準XML (the official law format: Law / LawBody / MainProvision / Chapter / Article /
// Paragraph / Item / Subitem1…, SupplProvision) → one Document with a passage per article, laid out
// like the text export so both importers give the same passages:
//   <Article Num="2"><ArticleCaption>（定義）</ArticleCaption><ArticleTitle>第二条</ArticleTitle>
//     <Paragraph Num="1"><ParagraphNum/><ParagraphSentence><Sentence>この法律において…</Sentence>…
//       <Item Num="1"><ItemTitle>一</ItemTitle><ItemSentence><Sentence>…</Sentence></ItemSentence></Item>
// Passage keys as in statute_text.cc: #preamble, #main, #art<n>, #suppl<k>, #suppl<k>-art<n>.
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <optional>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include <pugixml.hpp>

#include "corpus/importers.h"
#include "text/japanese_numbers.h"
#include "text/utf8.h"

namespace tsubo {
namespace {

constexpr const char* kIdeoSpace = "\u3000";

// Real e-Gov laws nest about 25 elements deep (Law › LawBody › MainProvision › Part › Chapter ›
// Section › Subsection › Division › Article › Paragraph › Item › Subitem1…10 › Sentence › Ruby); the
// walk below recurses per level, so a file of 20,000 nested <Chapter> overflowed the stack.
constexpr int kMaxNestingDepth = 64;

// Whether some element lies more than kMaxNestingDepth levels below root (pugixml walks the tree
// without recursion, and this walk stops at the first one).
bool nested_too_deep(pugi::xml_document& dom) {
  struct Walker : pugi::xml_tree_walker {
    bool too_deep = false;
    bool for_each(pugi::xml_node&) override {
      too_deep = depth() >= kMaxNestingDepth;
      return !too_deep;
    }
  } walker;
  dom.traverse(walker);
  return walker.too_deep;
}

// The element whose text or attribute is not UTF-8, or nullptr. pugixml decodes a character reference
// to any number without checking it (&#x4E0eeeeeeeeeeeeD; gave bytes that are no UTF-8), and the
// input itself is UTF-8 (read_source_text), so only such a reference can be the cause.
const char* element_with_bad_text(pugi::xml_document& dom) {
  struct Walker : pugi::xml_tree_walker {
    const char* bad = nullptr;
    bool for_each(pugi::xml_node& node) override {
      if (!utf8::valid(node.value())) bad = node.parent().name();
      for (const auto& a : node.attributes())
        if (!utf8::valid(a.value())) bad = node.name();
      return bad == nullptr;
    }
  } walker;
  dom.traverse(walker);
  return walker.bad;
}

// All text below a node, white space between elements dropped (the XML is often pretty-printed).
std::string text_of(const pugi::xml_node& node) {
  std::string out;
  for (const auto& n : node.select_nodes(".//text()")) out += utf8::trim(n.node().value());
  return out;
}

// A <…Sentence> element: its <Sentence>s joined; <Column>s (一　定義語　意味) joined by U+3000.
std::string sentence_text(const pugi::xml_node& node) {
  std::string out;
  for (const auto& child : node.children()) {
    if (std::strcmp(child.name(), "Column") == 0) {
      if (!out.empty()) out += kIdeoSpace;
      out += text_of(child);
    } else if (child.type() == pugi::node_element) {
      out += text_of(child);
    }
  }
  return out;
}

// Items and sub-items (Item → Subitem1 → Subitem2 …), each a line "一　…", "イ　…".
void append_items(const pugi::xml_node& parent, std::string& out, int depth) {
  const std::string item = depth == 0 ? "Item" : "Subitem" + std::to_string(depth);
  for (const auto& node : parent.children(item.c_str())) {
    const std::string title = text_of(node.child((item + "Title").c_str()));
    const std::string body = sentence_text(node.child((item + "Sentence").c_str()));
    if (!out.empty()) out += '\n';
    out += title;
    if (!title.empty() && !body.empty()) out += kIdeoSpace;
    out += body;
    if (depth < 10) append_items(node, out, depth + 1);
  }
}

// Paragraphs of an article (or of a 附則 without articles): "第二条　…", "２　…", then items.
std::string paragraphs_text(const pugi::xml_node& parent, const std::string& article_title) {
  std::string out;
  bool first = true;
  for (const auto& para : parent.children("Paragraph")) {
    std::string number = text_of(para.child("ParagraphNum"));
    if (first && !article_title.empty()) number = article_title;
    const std::string body = sentence_text(para.child("ParagraphSentence"));
    if (!out.empty()) out += '\n';
    out += number;
    if (!number.empty() && !body.empty()) out += kIdeoSpace;
    out += body;
    append_items(para, out, 0);
    first = false;
  }
  return out;
}

class XmlLaw {
 public:
  XmlLaw(const std::string& doc_id, const std::string& source_path) : doc_id_(doc_id), source_path_(source_path) {}

  [[noreturn]] void fail(const std::string& reason) const {
    throw ImportError("[corpus][statute_xml] " + (source_path_.empty() ? doc_id_ : source_path_) + ": " + reason);
  }

  Document run(std::string_view xml) {
    pugi::xml_document dom;
    const pugi::xml_parse_result parsed = dom.load_buffer(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_utf8);
    if (!parsed) fail(std::string("malformed XML at byte ") + std::to_string(parsed.offset) + ": " + parsed.description());
    if (nested_too_deep(dom))
      fail("elements nested more than " + std::to_string(kMaxNestingDepth) + " levels deep (limit " +
           std::to_string(kMaxNestingDepth) + "); not an e-Gov law XML");
    if (const char* element = element_with_bad_text(dom))
      fail(std::string("malformed XML: a character reference in <") + element + "> is not a Unicode character");
    const pugi::xml_node law = dom.child("Law");
    if (!law) fail("not an e-Gov law XML: the root element is <" + std::string(dom.first_child().name()) + ">, not <Law>");
    const pugi::xml_node body = law.child("LawBody");
    if (!body) fail("not an e-Gov law XML: <Law> has no <LawBody>");

    doc_.id = doc_id_;
    doc_.type = DocType::Statute;
    doc_.source_path = source_path_;
    doc_.title = text_of(body.child("LawTitle"));
    if (doc_.title.empty()) fail("no <LawTitle>");
    doc_.meta.law = doc_.title;
    doc_.meta.law_number = text_of(law.child("LawNum"));
    doc_.meta.date = promulgation_date(law);
    read_version(law);

    if (const auto preamble = body.child("Preamble")) add("preamble", {"前文"}, paragraphs_text(preamble, ""), "");
    const pugi::xml_node main = body.child("MainProvision");
    if (!main) fail("no <MainProvision>");
    walk(main, {}, "");
    if (!main.child("Article") && main.child("Paragraph") && !has_articles(main))
      add("main", {"本則"}, paragraphs_text(main, ""), "");
    int k = 0;
    for (const auto& suppl : body.children("SupplProvision")) {
      ++k;
      std::string label = utf8::remove_spaces(text_of(suppl.child("SupplProvisionLabel")));
      if (label.empty()) label = "附則";
      if (const char* amend = suppl.attribute("AmendLawNum").value(); *amend) label += "（" + std::string(amend) + "）";
      const std::string prefix = "suppl" + std::to_string(k);
      walk(suppl, {label}, prefix + "-");
      const std::string loose = paragraphs_text(suppl, "");
      if (!loose.empty()) add(prefix, {label}, loose, "");
    }
    if (doc_.passages.empty()) fail("no articles or paragraphs");
    return std::move(doc_);
  }

 private:
  static bool has_articles(const pugi::xml_node& node) { return !node.select_nodes(".//Article").empty(); }

  // Era="Heisei" Year="5" PromulgateMonth="05" PromulgateDay="19" → 1993-05-19.
  static std::string promulgation_date(const pugi::xml_node& law) {
    const auto year = era_to_gregorian(law.attribute("Era").value(), law.attribute("Year").as_int());
    const int month = law.attribute("PromulgateMonth").as_int(), day = law.attribute("PromulgateDay").as_int();
    if (!year || month < 1 || month > 12 || day < 1 || day > 31) return "";
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", *year, month, day);
    return buf;
  }

  // Which version of the law this file is: <Law EnforcementDate="2019/07/01"> and the e-Gov revision
  // ID in the file name, <law id>_<yyyymmdd>_<amending law id> (405AC0000000047_20190701_430AC0000000033).
  // A file without either is undated: it counts as the version before the first dated one.
  void read_version(const pugi::xml_node& law) {
    const std::string stem = std::filesystem::path(source_path_.empty() ? doc_id_ : source_path_).stem().string();
    static const std::regex revision_id("([0-9A-Z]{15})_([0-9]{8})_([0-9A-Z]{15})");
    std::smatch m;
    const bool named = std::regex_match(stem, m, revision_id);
    std::string date = iso_day(law.attribute("EnforcementDate").value());
    if (date.empty() && named) date = iso_day(m[2].str());
    if (date.empty()) return;
    doc_.meta.version_date = date;
    doc_.meta.date = date;  // the date of this text, not the law's promulgation in 1993
    if (named && m[3].str() != "000000000000000") doc_.meta.amending_law = m[3].str();
  }

  // "2019/07/01" or "20190701" → "2019-07-01"; empty when it is not a day.
  static std::string iso_day(std::string s) {
    std::string digits;
    for (char c : s)
      if (c >= '0' && c <= '9') digits += c;
    if (digits.size() != 8) return "";
    const int month = std::stoi(digits.substr(4, 2)), day = std::stoi(digits.substr(6, 2));
    if (month < 1 || month > 12 || day < 1 || day > 31) return "";
    return digits.substr(0, 4) + "-" + digits.substr(4, 2) + "-" + digits.substr(6, 2);
  }

  // Part / Chapter / Section / Subsection / Division hold titles and, at the bottom, Articles.
  void walk(const pugi::xml_node& node, std::vector<std::string> path, const std::string& key_prefix) {
    static const char* const kLevels[] = {"Part", "Chapter", "Section", "Subsection", "Division"};
    for (const auto& child : node.children()) {
      const char* name = child.name();
      if (std::strcmp(name, "Article") == 0) {
        article(child, path, key_prefix);
        continue;
      }
      for (const char* level : kLevels) {
        if (std::strcmp(name, level) != 0) continue;
        auto sub = path;
        const std::string title = text_of(child.child((std::string(level) + "Title").c_str()));
        if (!title.empty()) sub.push_back(title);
        walk(child, sub, key_prefix);
      }
    }
  }

  void article(const pugi::xml_node& node, std::vector<std::string> path, const std::string& key_prefix) {
    const std::string title = text_of(node.child("ArticleTitle"));
    std::string number;
    if (auto parsed = parse_article_number(title)) {
      number = *parsed;
    } else {  // Num="19_2"
      number = node.attribute("Num").value();
      for (std::size_t at; (at = number.find('_')) != std::string::npos;) number.replace(at, 1, "の");
    }
    if (number.empty()) fail("an <Article> without a number (ArticleTitle \"" + title + "\")");
    const std::string caption = text_of(node.child("ArticleCaption"));
    if (!caption.empty()) path.push_back(caption);
    path.push_back(title.empty() ? "第" + number + "条" : title);
    add(key_prefix + "art" + number, path, paragraphs_text(node, title), key_prefix.empty() ? number : "");
  }

  void add(const std::string& key, std::vector<std::string> path, std::string text, const std::string& article) {
    if (text.empty()) return;
    std::string id = doc_id_ + "#" + key;
    for (int n = 2; !ids_.insert(id).second; ++n) id = doc_id_ + "#" + key + "-" + std::to_string(n);
    Passage p;
    p.id = std::move(id);
    p.heading_path = std::move(path);
    p.text = std::move(text);
    p.article = article;
    doc_.passages.push_back(std::move(p));
  }

  const std::string& doc_id_;
  const std::string& source_path_;
  Document doc_;
  std::set<std::string> ids_;
};

}  // namespace

Document parse_statute_xml(std::string_view xml, const std::string& doc_id, const std::string& source_path) {
  return XmlLaw(doc_id, source_path).run(xml);
}

}  // namespace tsubo
