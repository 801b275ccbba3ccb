// Formatting byte counts (progress lines, tsubo index and tsubo info).
#include "text/human_size.h"

#include <cstdio>

namespace tsubo {

std::string human_size(double bytes) {
  if (!(bytes >= 0)) bytes = 0;
  char buf[32];
  if (bytes < 999.5) {
    std::snprintf(buf, sizeof buf, "%.0f B", bytes);
    return buf;
  }
  static const char* const kUnits[] = {"KB", "MB", "GB", "TB", "PB"};
  double value = bytes / 1000;
  std::size_t unit = 0;
  // 999.96 KB would print as 1000.0 KB: move up once it rounds to 1000.
  while (value >= 999.95 && unit + 1 < sizeof kUnits / sizeof *kUnits) {
    value /= 1000;
    ++unit;
  }
  std::snprintf(buf, sizeof buf, "%.1f %s", value, kUnits[unit]);
  return buf;
}

}  // namespace tsubo
