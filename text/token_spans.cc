// Format: a version byte, the normalised text's length and FNV-1a hash (spans of another text are
// refused, not misapplied), then per token a varint (length << 3 | kind << 1 | has_gap) followed, when
// has_gap, by a varint gap: bytes of normalised text (symbols, spaces) since the previous token.
#include "text/token_spans.h"

#include <cstdint>

namespace tsubo {
namespace {

constexpr char kFormatVersion = 1;

void put_varint(std::string& out, uint32_t v) {
  while (v >= 0x80) {
    out += static_cast<char>((v & 0x7F) | 0x80);
    v >>= 7;
  }
  out += static_cast<char>(v);
}

bool get_varint(std::string_view in, std::size_t& at, uint32_t& v) {
  v = 0;
  for (int shift = 0; shift < 35; shift += 7) {
    if (at >= in.size()) return false;
    const auto byte = static_cast<unsigned char>(in[at++]);
    v |= static_cast<uint32_t>(byte & 0x7F) << shift;
    if (!(byte & 0x80)) return true;
  }
  return false;
}

uint32_t fnv1a(std::string_view s) {
  uint32_t h = 2166136261u;
  for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  return h;
}

bool starts_code_point(std::string_view s, std::size_t at) {
  return at == s.size() || (static_cast<unsigned char>(s[at]) & 0xC0) != 0x80;
}

}  // namespace

std::string pack_token_spans(const std::vector<Token>& tokens, std::string_view normalized_text) {
  std::string out(1, kFormatVersion);
  put_varint(out, static_cast<uint32_t>(normalized_text.size()));
  put_varint(out, fnv1a(normalized_text));
  out.reserve(tokens.size() + 8);
  uint32_t previous_end = 0;
  for (const Token& t : tokens) {
    const uint32_t gap = t.norm_begin - previous_end;
    put_varint(out, (t.norm_end - t.norm_begin) << 3 | static_cast<uint32_t>(t.kind) << 1 | (gap ? 1 : 0));
    if (gap) put_varint(out, gap);
    previous_end = t.norm_end;
  }
  return out;
}

std::optional<std::vector<Token>> unpack_token_spans(std::string_view packed, const NormalizedText& norm) {
  if (packed.empty() || packed[0] != kFormatVersion) return std::nullopt;
  const std::string_view text = norm.text;
  std::vector<Token> tokens;
  tokens.reserve(packed.size());
  std::size_t at = 1;
  uint32_t length_packed = 0, hash_packed = 0;
  if (!get_varint(packed, at, length_packed) || !get_varint(packed, at, hash_packed) ||
      length_packed != text.size() || hash_packed != fnv1a(text))
    return std::nullopt;
  uint32_t previous_end = 0;
  while (at < packed.size()) {
    uint32_t head = 0, gap = 0;
    if (!get_varint(packed, at, head)) return std::nullopt;
    if ((head & 1) && !get_varint(packed, at, gap)) return std::nullopt;
    const uint32_t kind = head >> 1 & 3, length = head >> 3;
    const uint64_t begin = uint64_t{previous_end} + gap, end = begin + length;
    if (length == 0 || kind > static_cast<uint32_t>(TokenKind::Function) || end > text.size() ||
        !starts_code_point(text, begin) || !starts_code_point(text, end))
      return std::nullopt;
    Token t;
    t.term.assign(text.substr(begin, length));
    t.begin = norm.source_begin[begin];
    t.end = norm.source_end[end - 1];
    t.position = static_cast<uint32_t>(tokens.size());
    t.kind = static_cast<TokenKind>(kind);
    t.norm_begin = static_cast<uint32_t>(begin);
    t.norm_end = static_cast<uint32_t>(end);
    tokens.push_back(std::move(t));
    previous_end = static_cast<uint32_t>(end);
  }
  return tokens;
}

}  // namespace tsubo
