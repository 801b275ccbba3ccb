// Byte counts for people: 41 B, 3.9 KB, 12.3 MB, 1.2 GB (powers of 1000, as disks are sold).
#pragma once

#include <string>

namespace tsubo {

// 41 → "41 B", 3900 → "3.9 KB", 12300000 → "12.3 MB", 1.2e9 → "1.2 GB"; one decimal from KB up.
std::string human_size(double bytes);

}  // namespace tsubo
