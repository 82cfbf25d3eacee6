using System.Text.Json;
using System.Text.Json.Serialization;

namespace Smallfish.Remote.Telegram.Api;

/// <summary>Source-generated JSON metadata for Bot API responses (no reflection, trims cleanly on the Pi).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ApiResponse<Update[]>))]
[JsonSerializable(typeof(ApiResponse<Message>))]
[JsonSerializable(typeof(ApiResponse<User>))]
[JsonSerializable(typeof(ApiResponse<bool>))]
[JsonSerializable(typeof(ApiResponse<JsonElement>))]
internal sealed partial class TelegramJsonContext : JsonSerializerContext;
