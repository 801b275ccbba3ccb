// placeholder: being written
#include "corpus/importers.h"
