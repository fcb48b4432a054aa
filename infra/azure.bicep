// RiskPanel in production, for one partnership: a Linux App Service plan and Node 20 Web App (API, bot endpoint and
// the built tab), an Azure Bot (single tenant) with the Teams channel, a Key Vault holding the Graph certificate and
// the bot's secret, and Application Insights on a Log Analytics workspace.
// Deployed by the `arm/deploy` step of m365agents.yml (parameters from azure.parameters.json, filled from
// env/.env.<environment>); its outputs are written back to that env file. Every step is explained in infra/README.md.
// tests/infra/bicep.test.ts checks this file against the production configuration schema (src/config.ts).

@minLength(4)
@maxLength(20)
@description('Base for every resource name, e.g. riskpanelluton. Lower-case letters and digits.')
param resourceBaseName string

param location string = resourceGroup().location

@description('App Service plan size. B1 (Basic) runs a partnership; P0v3 (Premium v3) adds zone-friendly scale-out and more memory.')
@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'P0v3'
  'P1v3'
])
param webAppSku string = 'B1'

@description('Instances of the Web App. Two keep the panel up while one restarts; leases keep the scheduler to one.')
@minValue(1)
@maxValue(10)
param instanceCount int = 2

@maxLength(42)
param botDisplayName string = 'RiskPanel'

@description('Tenant of the partnership\'s Microsoft 365: every app registration is single tenant, in this tenant.')
param tenantId string = subscription().tenantId

@description('Client id of the single-tenant Entra app the bot signs in as (BOT_ID).')
param botClientId string

@secure()
@description('Client secret of the bot\'s Entra app; stored in Key Vault, never in an app setting.')
param botClientSecret string

@description('Client id of the Entra app the tab uses for Teams SSO (AAD_APP_CLIENT_ID).')
param ssoClientId string

@description('Client id of the Entra app that reads and writes the SharePoint lists through Graph (Sites.Selected).')
param graphClientId string

@description('The partnership site: its Graph id (contoso.sharepoint.com,<guid>,<guid>) or URL.')
param sharePointSiteId string

@description('Your organisation\'s name, sent in the User-Agent of Graph calls (SharePoint throttles unnamed traffic harder).')
param graphOrg string

@description('Name of the Key Vault certificate (PEM content type) the Graph app signs in with. Created after provisioning: see infra/README.md.')
param graphCertificateName string = 'graph-client-certificate'

@description('Key Vault secret holding the audit checkpoint key (base64 of 32 random bytes). An administrator creates it once, outside the deployment, so no pipeline ever sees it: az keyvault secret set --vault-name <vault> --name audit-checkpoint-key --value "$(openssl rand -base64 32)"')
param auditKeySecretName string = 'audit-checkpoint-key'

@description('The Teams app id, so the bot\'s links are Teams deep links into the tab.')
param teamsAppId string

@description('Reference prefix of the partnership, e.g. CASPA.')
param refPrefix string = 'CASPA'

@description('When the daily overdue scan runs, HH:MM UK time.')
param scanTime string = '07:00'

@description('Days of logs and telemetry kept in the Log Analytics workspace.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 90

var keyVaultName = '${resourceBaseName}-kv'
var publicUrl = 'https://${webApp.properties.defaultHostName}'
// Built-in role: Key Vault Secrets User (read secret values, which includes a certificate's PEM).
var keyVaultSecretsUserRole = '4633458b-17de-408a-b874-0445c86b69e6'

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${resourceBaseName}-logs'
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: logRetentionDays
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${resourceBaseName}-insights'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'Node.JS'
    WorkspaceResourceId: logs.id
  }
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: resourceBaseName
  location: location
  kind: 'linux'
  sku: {
    name: webAppSku
    capacity: instanceCount
  }
  properties: {
    reserved: true
  }
}

resource webApp 'Microsoft.Web/sites@2024-04-01' = {
  name: resourceBaseName
  location: location
  kind: 'app,linux'
  identity: {
    // Reads the Key Vault references below; no secret is ever copied into an app setting.
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Instances share one store and leases: no instance owns a user's session.
    clientAffinityEnabled: false
    siteConfig: {
      linuxFxVersion: 'NODE|20-lts'
      // The compiled server (npm run build): plain node, no TypeScript runner, no development package.
      appCommandLine: 'node dist/src/main.js'
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      // Readiness: an instance whose store (or Graph token) does not answer is taken out of the load balancer.
      healthCheckPath: '/readyz'
    }
  }
}

resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: keyVaultName
  location: location
  properties: {
    tenantId: tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
  }
}

resource botSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: keyVault
  name: 'bot-client-secret'
  properties: {
    value: botClientSecret
  }
}

// The Web App reads secrets (and the certificate's PEM, which Key Vault exposes as a secret of the same name)
// through its managed identity.
resource webAppReadsSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(keyVault.id, webApp.id, keyVaultSecretsUserRole)
  scope: keyVault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRole)
    principalId: webApp.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

// App settings as a separate resource: they use the Web App's own host name. Every variable the production
// configuration requires is here (tests/infra/bicep.test.ts fails otherwise).
resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: webApp
  name: 'appsettings'
  // The Key Vault references resolve only once the Web App may read secrets.
  dependsOn: [
    webAppReadsSecrets
  ]
  properties: {
    RISKPANEL_MODE: 'production'
    NODE_ENV: 'production'
    PUBLIC_URL: publicUrl
    REF_PREFIX: refPrefix
    SCAN_TIME: scanTime
    TEAMS_APP_ID: teamsAppId
    // The records: the SharePoint lists of the partnership site, through Graph with the certificate in Key Vault.
    STORE: 'sharepoint'
    SHAREPOINT_SITE_ID: sharePointSiteId
    TENANT_ID: tenantId
    CLIENT_ID: graphClientId
    GRAPH_ORG: graphOrg
    CLIENT_CERT_PEM: '@Microsoft.KeyVault(VaultName=${keyVault.name};SecretName=${graphCertificateName})'
    // The bot's identity, as read by src/config.ts and the Microsoft 365 Agents SDK (single tenant).
    clientId: botClientId
    tenantId: tenantId
    clientSecret: '@Microsoft.KeyVault(VaultName=${keyVault.name};SecretName=${botSecret.name})'
    // The audit trail's checkpoints are signed with a key outside SharePoint (src/audit, npm run audit:verify).
    AUDIT_CHECKPOINT_KEY: '@Microsoft.KeyVault(VaultName=${keyVault.name};SecretName=${auditKeySecretName})'
    // Teams SSO for the tab: the token's audience is the SSO app's Application ID URI.
    AAD_APP_CLIENT_ID: ssoClientId
    AAD_APP_TENANT_ID: tenantId
    TAB_APP_ID_URI: 'api://${webApp.properties.defaultHostName}/${ssoClientId}'
    // Telemetry: OpenTelemetry to Application Insights (requests, dependencies, exceptions, RiskPanel's metrics).
    APPLICATIONINSIGHTS_CONNECTION_STRING: insights.properties.ConnectionString
    // The zip holds the built server, the built tab and production node_modules (built on Linux x64).
    WEBSITE_RUN_FROM_PACKAGE: '1'
    SCM_DO_BUILD_DURING_DEPLOYMENT: 'false'
    // Two failed readiness probes in a row take an instance out of rotation.
    WEBSITE_HEALTHCHECK_MAXPINGFAILURES: '2'
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: resourceBaseName
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: 'F0'
  }
  properties: {
    displayName: botDisplayName
    endpoint: '${publicUrl}/api/messages'
    msaAppId: botClientId
    // New multi-tenant bot registrations are no longer accepted: the bot's app lives in the partnership's tenant.
    msaAppType: 'SingleTenant'
    msaAppTenantId: tenantId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
  }
}

output AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output TAB_DOMAIN string = webApp.properties.defaultHostName
output TAB_ENDPOINT string = publicUrl
output KEY_VAULT_NAME string = keyVault.name
output APPLICATIONINSIGHTS_NAME string = insights.name
