// Blocks of a Word or HTML document → Markdown lines the guidance importer reads, with the
// articles of a company rule (第1条（目的）この規程は…) set apart as headings.
#include "corpus/document_blocks.h"

#include "corpus/article_headings.h"
#include "text/utf8.h"

namespace tsubo {
namespace {

bool is_number_char(char32_t c) {
  return (c >= U'0' && c <= U'9') || (c >= U'０' && c <= U'９') ||
         std::u32string_view(U"〇一二三四五六七八九十百千").find(c) != std::u32string_view::npos;
}

bool is_space(char32_t c) { return c == U' ' || c == U'\u3000' || c == U'\t'; }

constexpr std::size_t kMaxCaptionChars = 30;  // （営業秘密の管理責任者の指定及び権限）

// A caption alone: （目的）, (定義).
bool is_caption(std::u32string_view t) {
  if (t.size() < 3 || t.size() > kMaxCaptionChars + 2) return false;
  const bool open = t.front() == U'（' || t.front() == U'(';
  const bool close = t.back() == U'）' || t.back() == U')';
  const auto inner = t.substr(1, t.size() - 2);
  return open && close && inner.find_first_of(U"（）()。") == std::u32string_view::npos;
}

// A text line Markdown would read as a heading or a quote keeps its mark as the full-width
// character (the same after NFKC, so it is searched alike).
std::string as_markdown_text(const std::string& line) {
  if (!line.empty() && line[0] == '#') return "＃" + line.substr(1);
  if (line.size() > 1 && line[0] == '>' && line[1] == ' ') return "＞" + line.substr(1);
  return line;
}

void add_lines(std::string& out, const std::string& text, const char* prefix = "") {
  std::size_t pos = 0;
  bool first = true;
  while (pos <= text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    const std::string line = utf8::trim(std::string_view(text).substr(pos, nl - pos));
    if (!line.empty()) {
      out += first ? prefix : "";
      out += first && *prefix ? line : as_markdown_text(line);
      out += '\n';
      first = false;
    }
    pos = nl + 1;
  }
}

}  // namespace

std::optional<std::pair<std::string, std::string>> split_article_paragraph(std::string_view paragraph) {
  const std::u32string t = utf8::to_u32(utf8::trim(paragraph));
  if (t.empty() || t[0] != U'第') return std::nullopt;
  std::size_t k = 1;
  while (k < t.size() && is_number_char(t[k])) ++k;
  if (k == 1 || k >= t.size() || t[k] != U'条') return std::nullopt;
  ++k;
  while (k + 1 < t.size() && t[k] == U'の' && is_number_char(t[k + 1]))  // 第19条の2
    for (++k; k < t.size() && is_number_char(t[k]); ++k) {}
  std::size_t head_end = k;
  std::size_t j = k;
  while (j < t.size() && is_space(t[j])) ++j;
  if (j < t.size() && (t[j] == U'（' || t[j] == U'(')) {  // 第1条（目的）, the text may follow at once
    const std::size_t close = t.find_first_of(U"）)", j);
    if (close != std::u32string::npos && is_caption(std::u32string_view(t).substr(j, close - j + 1)))
      head_end = close + 1;
  }
  if (head_end == k && k < t.size() && !is_space(t[k])) return std::nullopt;  // 第3条の規定…, 第3条に定める…
  std::u32string head = t.substr(0, k);
  if (head_end > k) head += utf8::to_u32(utf8::trim(utf8::from_u32(std::u32string_view(t).substr(k, head_end - k))));
  const std::string heading = utf8::from_u32(head);
  if (!parse_article_heading(heading)) return std::nullopt;
  return std::make_pair(heading, utf8::trim(utf8::from_u32(std::u32string_view(t).substr(head_end))));
}

std::string blocks_to_markdown(const std::vector<TextBlock>& blocks) {
  std::string out;
  for (std::size_t n = 0; n < blocks.size(); ++n) {
    const TextBlock& b = blocks[n];
    const std::string text = utf8::trim(b.text);
    if (text.empty()) continue;
    if (b.kind == TextBlock::Heading) {
      const int level = b.level < 1 ? 1 : b.level > 6 ? 6 : b.level;
      std::string line;
      for (const char c : text) line += c == '\n' ? ' ' : c;
      out += std::string(static_cast<std::size_t>(level), '#') + " " + line + "\n\n";
      continue;
    }
    if (b.kind == TextBlock::Paragraph) {
      // （目的） alone, then 第1条　この規程は…: one heading, 第1条（目的）.
      const bool caption = is_caption(utf8::to_u32(text)) && n + 1 < blocks.size() &&
                           blocks[n + 1].kind == TextBlock::Paragraph;
      if (caption) {
        const auto next = split_article_paragraph(blocks[n + 1].text);
        if (next && next->first.find("（") == std::string::npos && next->first.find('(') == std::string::npos) {
          out += next->first + text + "\n\n";
          if (!next->second.empty()) add_lines(out, next->second), out += "\n";
          ++n;
          continue;
        }
      }
      if (const auto article = split_article_paragraph(text)) {
        out += article->first + "\n\n";
        if (!article->second.empty()) add_lines(out, article->second), out += "\n";
        continue;
      }
    }
    add_lines(out, text, b.kind == TextBlock::ListItem ? "- " : "");
    out += "\n";
  }
  return out;
}

}  // namespace tsubo
