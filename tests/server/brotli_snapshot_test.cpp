// Brotli for clients that ask, made in the background: gzip until it is ready, never on the
// request path.
#include <gtest/gtest.h>

#include <brotli/decode.h>

#include "api/api.hpp"
#include "api/conditional.hpp"
#include "seed/default_registry.hpp"
#include "store/sqlite_store.hpp"
#include "test_support.hpp"

namespace prd::server {
namespace {

std::string unbrotli(const std::string& data) {
    std::string out;
    BrotliDecoderState* decoder = BrotliDecoderCreateInstance(nullptr, nullptr, nullptr);
    const auto* next_in = reinterpret_cast<const std::uint8_t*>(data.data());
    std::size_t available_in = data.size();
    BrotliDecoderResult result = BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT;
    while (result == BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT) {
        std::uint8_t buffer[1 << 16];
        std::uint8_t* next_out = buffer;
        std::size_t available_out = sizeof buffer;
        result = BrotliDecoderDecompressStream(decoder, &available_in, &next_in, &available_out, &next_out, nullptr);
        out.append(reinterpret_cast<const char*>(buffer), sizeof buffer - available_out);
    }
    BrotliDecoderDestroyInstance(decoder);
    return result == BROTLI_DECODER_RESULT_SUCCESS ? out : "(not brotli)";
}

std::string header(const ApiResponse& response, const std::string& name) {
    for (const auto& [n, v] : response.headers)
        if (n == name) return v;
    return {};
}

TEST(BrotliSnapshot, GzipUntilTheBackgroundHasMadeItThenBrotliWithItsOwnTag) {
    test::TempDir dir;
    RegistryService service(std::make_unique<SqliteStore>(dir.path()), default_snapshot());
    Api api(service, {}, {}, BrotliOptions{true, std::chrono::milliseconds(0), 5});
    ApiRequest request;
    request.path = "/api/v1/snapshot";
    request.headers["Accept-Encoding"] = "gzip, deflate, br";
    const auto first = api.handle(request);
    EXPECT_EQ(header(first, "Content-Encoding"), "gzip");
    ASSERT_TRUE(api.brotli().wait_for(service.revision(), std::chrono::seconds(60)));
    const auto second = api.handle(request);
    ASSERT_EQ(header(second, "Content-Encoding"), "br");
    EXPECT_EQ(header(second, "ETag"), "\"" + std::to_string(service.revision()) + "-br\"");
    EXPECT_EQ(header(second, "Vary"), "Accept-Encoding");
    ASSERT_TRUE(second.shared_body);
    EXPECT_LT(second.shared_body->size(), service.snapshot()->gzip.size());
    EXPECT_EQ(unbrotli(*second.shared_body), service.snapshot()->json());
    // Any of the revision's tags revalidates; a client that refuses br gets gzip.
    request.headers["If-None-Match"] = header(second, "ETag");
    EXPECT_EQ(api.handle(request).status, 304);
    request.headers.erase("If-None-Match");
    request.headers["Accept-Encoding"] = "gzip, br;q=0";
    EXPECT_EQ(header(api.handle(request), "Content-Encoding"), "gzip");
}

TEST(BrotliSnapshot, OffMeansGzip) {
    test::TempDir dir;
    RegistryService service(std::make_unique<SqliteStore>(dir.path()), default_snapshot());
    Api api(service, {}, {}, BrotliOptions{false});
    ApiRequest request;
    request.path = "/api/v1/snapshot";
    request.headers["Accept-Encoding"] = "br, gzip";
    EXPECT_EQ(header(api.handle(request), "Content-Encoding"), "gzip");
}

TEST(AcceptEncoding, NamesWeightsAndStar) {
    EXPECT_TRUE(accepts_coding("gzip, deflate, br", "br"));
    EXPECT_TRUE(accepts_coding("BR;q=0.5", "br"));
    EXPECT_FALSE(accepts_coding("gzip, br;q=0", "br"));
    EXPECT_FALSE(accepts_coding("br;q=0.000", "br"));
    EXPECT_TRUE(accepts_coding("*", "br"));
    EXPECT_FALSE(accepts_coding("*, br;q=0", "br"));
    EXPECT_FALSE(accepts_coding("gzip", "br"));
    EXPECT_FALSE(accepts_coding("", "br"));
    // The one parser also decides gzip: weights other than 0 accept, q=0 refuses.
    EXPECT_TRUE(accepts_coding("gzip;q=0.5, br", "gzip"));
    EXPECT_FALSE(accepts_coding("gzip;q=0, br", "gzip"));
    EXPECT_TRUE(accepts_coding("deflate, gzip", "gzip"));
}

}  // namespace
}  // namespace prd::server
