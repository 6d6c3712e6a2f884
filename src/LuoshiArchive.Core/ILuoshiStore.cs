using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Archive;
using LuoshiArchive.Core.Notifications;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Storage;

namespace LuoshiArchive.Core;

/// <summary>
/// The whole store, as an engine implements it (the embedded file in the storage folder, or PostgreSQL): every domain folder's
/// store interface, and the backup snapshot. Services ask for their folder's interface, not this one.
/// </summary>
public interface ILuoshiStore : IArchiveStore, PublicProgress.IDisclosureStore, IOrganisationStore, IAccountStore,
    INotificationStore, IBackupSource, ILeases, IDisposable;
