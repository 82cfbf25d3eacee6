namespace Smallfish.Exchanges.Results;

/// <summary>Maps one exchange's error codes and HTTP statuses to normalized errors. One implementation per exchange.</summary>
public interface IErrorCodeMap
{
    /// <summary>Classifies a venue error code.</summary>
    ExchangeErrorInfo Classify(int code);

    /// <summary>Classifies an HTTP status that came without a readable venue error code.</summary>
    ExchangeErrorInfo ClassifyHttp(int httpStatus);
}
