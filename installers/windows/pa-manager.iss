; Inno Setup script: PA Manager's Windows installer, made from the PyInstaller bundle.
;   pyinstaller --noconfirm --distpath dist\windows installers\pa-manager.spec
;   iscc /DAppVersion=<python installers\project_info.py version> installers\windows\pa-manager.iss
; Installs for the person running it, with no administrator needed (council laptops rarely allow one),
; into their own programs folder, with a Start-menu entry. Installing a newer version replaces the
; program. Records are kept in the user's data folder (%LOCALAPPDATA%\PA Manager), never in the
; program's folder: this installer never writes there and uninstalling never removes it.

#define AppName "PA Manager"
#define AppExe "PA Manager.exe"
#ifndef AppVersion
  #error Give the version: iscc /DAppVersion=... (python installers\project_info.py version)
#endif
#ifndef BundleDir
  #define BundleDir "..\..\dist\windows\pa-manager"
#endif

[Setup]
; The same id for every version, so a newer version installs over an older one. Never change it.
AppId={{8051D403-499D-46F5-AA96-2E14E74DA8E3}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=PA Manager contributors
VersionInfoVersion={#AppVersion}
; Per-user: no administrator; {autopf} is then the user's own %LOCALAPPDATA%\Programs.
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist\windows
OutputBaseFilename=PA-Manager-{#AppVersion}-windows-setup
SetupIconFile=..\..\resources\icons\pa-manager.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the whole program folder's libraries, so none of an older version's are left.
; Only {app}\_internal, which holds nothing but the program: records are never in {app}.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "..\..\LICENSE"; DestDir: "{app}"; DestName: "LICENSE.txt"; Flags: ignoreversion

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; There is deliberately no [UninstallDelete] section: uninstalling removes only the files installed
; above, never the records in %LOCALAPPDATA%\PA Manager.
