namespace Smallfish.Service.Hosting;

/// <summary>Sends operational alerts to the owner. Never blocks and never throws.</summary>
public interface IServiceAlerts
{
    /// <summary>Queues <paramref name="alert"/> for every configured channel.</summary>
    void Raise(ServiceAlert alert);
}
