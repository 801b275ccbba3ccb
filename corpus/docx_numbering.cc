// numbering.xml: <w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num> points at
// <w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>
// <w:lvlText w:val="第%1条"/></w:lvl>…; counters are kept per abstract numbering, as Word keeps them.
#include "corpus/docx_numbering.h"

#include <pugixml.hpp>

#include <algorithm>
#include <cstdlib>

#include "text/utf8.h"

namespace tsubo {
namespace {

constexpr int kLevels = 9;  // w:ilvl 0–8

std::string attr(const pugi::xml_node& node, const char* child) {
  return node.child(child).attribute("w:val").value();
}

int to_int(const std::string& s, int fallback) {
  if (s.empty()) return fallback;
  char* end = nullptr;
  const long v = std::strtol(s.c_str(), &end, 10);
  return *end == '\0' && v >= 0 && v < 100000 ? static_cast<int>(v) : fallback;
}

std::string kanji_number(int n) {
  static const char* const kDigits[] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  if (n <= 0 || n >= 10000) return std::to_string(n);
  std::string out;
  const struct { int value; const char* unit; } units[] = {{1000, "千"}, {100, "百"}, {10, "十"}};
  for (const auto& u : units) {
    const int d = n / u.value;
    if (d > 0) {
      if (d > 1) out += kDigits[d];
      out += u.unit;
    }
    n %= u.value;
  }
  if (n > 0) out += kDigits[n];
  return out;
}

// The n-th (1-based) character of a sequence, cycling as Word does past its end.
std::string nth_of(std::u32string_view sequence, int n) {
  std::string out;
  utf8::append(out, sequence[static_cast<std::size_t>(n - 1) % sequence.size()]);
  return out;
}

std::string roman(int n, bool upper) {
  if (n <= 0 || n >= 4000) return std::to_string(n);
  static const struct { int value; const char* text; } kTable[] = {
      {1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"},
      {40, "xl"},  {10, "x"},   {9, "ix"},  {5, "v"},    {4, "iv"},  {1, "i"}};
  std::string out;
  for (const auto& r : kTable)
    for (; n >= r.value; n -= r.value) out += r.text;
  if (upper)
    for (auto& c : out) c = static_cast<char>(c - 'a' + 'A');
  return out;
}

}  // namespace

std::string format_list_number(int n, const std::string& format) {
  if (n <= 0) return std::to_string(n);
  if (format == "decimalFullWidth" || format == "decimalFullWidth2") {
    std::string out;
    for (char c : std::to_string(n)) utf8::append(out, U'０' + static_cast<char32_t>(c - '0'));
    return out;
  }
  if (format == "decimalZero") return (n < 10 ? "0" : "") + std::to_string(n);
  if (format == "japaneseCounting" || format == "japaneseLegal" || format == "chineseCounting") return kanji_number(n);
  if (format == "aiueo" || format == "aiueoFullWidth")
    return nth_of(U"アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン", n);
  if (format == "iroha" || format == "irohaFullWidth")
    return nth_of(U"イロハニホヘトチリヌルヲワカヨタレソツネナラムウヰノオクヤマケフコエテアサキユメミシヱヒモセス", n);
  if ((format == "decimalEnclosedCircle" || format == "decimalEnclosedCircleChinese") && n <= 20) {
    std::string out;
    utf8::append(out, U'①' + static_cast<char32_t>(n - 1));
    return out;
  }
  if (format == "decimalEnclosedParen" && n <= 20) {
    std::string out;
    utf8::append(out, U'⑴' + static_cast<char32_t>(n - 1));
    return out;
  }
  if (format == "lowerLetter" || format == "upperLetter") {
    const char base = format == "lowerLetter" ? 'a' : 'A';
    return std::string(static_cast<std::size_t>((n - 1) / 26 + 1), static_cast<char>(base + (n - 1) % 26));
  }
  if (format == "lowerRoman" || format == "upperRoman") return roman(n, format == "upperRoman");
  if (format == "bullet" || format == "none") return "";
  return std::to_string(n);  // decimal, and formats not known here
}

DocxNumbering::DocxNumbering(std::string_view numbering_xml) {
  pugi::xml_document doc;
  if (numbering_xml.empty() || !doc.load_buffer(numbering_xml.data(), numbering_xml.size())) return;
  const pugi::xml_node root = doc.child("w:numbering");
  for (const auto& abstract : root.children("w:abstractNum")) {
    std::vector<Level> levels(kLevels);
    for (const auto& lvl : abstract.children("w:lvl")) {
      const int ilvl = to_int(lvl.attribute("w:ilvl").value(), -1);
      if (ilvl < 0 || ilvl >= kLevels) continue;
      Level& l = levels[static_cast<std::size_t>(ilvl)];
      if (lvl.child("w:numFmt")) l.format = attr(lvl, "w:numFmt");
      l.text = attr(lvl, "w:lvlText");
      l.start = to_int(attr(lvl, "w:start"), 1);
      l.space_after = attr(lvl, "w:suff") != "nothing";
    }
    abstracts_[abstract.attribute("w:abstractNumId").value()] = std::move(levels);
  }
  for (const auto& num : root.children("w:num")) {
    List list;
    list.abstract_id = attr(num, "w:abstractNumId");
    for (const auto& o : num.children("w:lvlOverride"))
      if (o.child("w:startOverride"))
        list.start_overrides[to_int(o.attribute("w:ilvl").value(), 0)] = to_int(attr(o, "w:startOverride"), 1);
    lists_[num.attribute("w:numId").value()] = std::move(list);
  }
}

const DocxNumbering::Level* DocxNumbering::level(const std::string& num_id, int ilvl) const {
  if (ilvl < 0 || ilvl >= kLevels) return nullptr;
  const auto list = lists_.find(num_id);
  if (list == lists_.end()) return nullptr;
  const auto abstract = abstracts_.find(list->second.abstract_id);
  if (abstract == abstracts_.end()) return nullptr;
  return &abstract->second[static_cast<std::size_t>(ilvl)];
}

bool DocxNumbering::is_bullet(const std::string& num_id, int ilvl) const {
  const Level* l = level(num_id, ilvl);
  return l && l->format == "bullet";
}

std::string DocxNumbering::next(const std::string& num_id, int ilvl) {
  const Level* l = level(num_id, ilvl);
  if (!l) return "";
  List& list = lists_[num_id];
  const std::vector<Level>& levels = abstracts_[list.abstract_id];
  std::vector<int>& counters = counters_[list.abstract_id];
  if (counters.empty()) {
    counters.resize(kLevels);
    for (int k = 0; k < kLevels; ++k) counters[static_cast<std::size_t>(k)] = levels[static_cast<std::size_t>(k)].start - 1;
  }
  if (!list.used) {  // a list that restarts its numbering (w:startOverride) on its first paragraph
    for (const auto& [k, start] : list.start_overrides)
      if (k >= 0 && k < kLevels) counters[static_cast<std::size_t>(k)] = start - 1;
    list.used = true;
  }
  ++counters[static_cast<std::size_t>(ilvl)];
  for (int k = ilvl + 1; k < kLevels; ++k) counters[static_cast<std::size_t>(k)] = levels[static_cast<std::size_t>(k)].start - 1;

  std::string out;
  const std::string& text = l->text;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 1 < text.size() && text[i + 1] >= '1' && text[i + 1] <= '9') {
      const int k = text[i + 1] - '1';
      const auto ku = static_cast<std::size_t>(k);
      out += format_list_number(std::max(counters[ku], levels[ku].start), levels[ku].format);
      ++i;
    } else {
      out += text[i];
    }
  }
  if (l->format == "bullet" || l->format == "none") return "";
  return out.empty() || !l->space_after ? out : out + " ";
}

}  // namespace tsubo
