#pragma once
// ICQ_API marks what libicq exports; everything else in the library stays hidden.
#if defined(_WIN32)
#define ICQ_API
#else
#define ICQ_API __attribute__((visibility("default")))
#endif
