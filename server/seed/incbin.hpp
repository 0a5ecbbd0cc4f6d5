#pragma once
// Files compiled into the server binary with the assembler's .incbin, which costs nothing at
// compile time however large the file grows (a generated C array of megabytes would crawl through
// the compiler). Used by the built-in registry, the OpenAPI description and the map's outlines.

#include <cstddef>
#include <string_view>

#define PRD_INCBIN_STRINGIFY2(x) #x
#define PRD_INCBIN_STRINGIFY(x) PRD_INCBIN_STRINGIFY2(x)

/// At global scope: embeds the file whose absolute path the macro PATH holds (set by
/// server/CMakeLists.txt, which also makes the object depend on the file: .incbin is invisible to
/// the build system) between NAME_begin and NAME_end, followed by a NUL.
#define PRD_INCBIN(name, path)                                \
    asm(".section .rodata\n"                                  \
        ".global " #name "_begin\n"                           \
        ".balign 16\n" #name "_begin:\n"                      \
        ".incbin \"" PRD_INCBIN_STRINGIFY(path) "\"\n"        \
        ".global " #name "_end\n" #name "_end:\n"             \
        ".byte 0\n"                                           \
        ".previous\n");                                       \
    extern "C" const char name##_begin[];                     \
    extern "C" const char name##_end[]

/// The bytes PRD_INCBIN(name, ...) embedded.
#define PRD_INCBIN_TEXT(name) std::string_view(name##_begin, static_cast<std::size_t>(name##_end - name##_begin))
