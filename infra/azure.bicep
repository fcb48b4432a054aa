// RiskPanel in production: one Node 20 Web App (API, bot endpoint and the built tab), an Azure Bot registration
// for Teams, and a Key Vault holding the app secrets, read by the Web App's managed identity.
// Deployed by `arm/deploy` in teamsapp.yml; outputs are written back to env/.env.<environment>.

@minLength(4)
@maxLength(20)
@description('Base for every resource name, e.g. riskpanelluton.')
param resourceBaseName string

@description('App Service plan SKU. B1 is enough for one partnership; use P0v3 or above to scale out.')
param webAppSku string = 'B1'

@maxLength(42)
param botDisplayName string = 'RiskPanel'

@description('Client id of the single-tenant Entra app the bot signs in as (BOT_ID).')
param botClientId string

@secure()
param botClientSecret string

@description('Tenant of the bot app: the partnership\'s Microsoft 365 tenant.')
param botTenantId string = subscription().tenantId

@description('Client id of the Entra app the tab uses for Teams SSO (AAD_APP_CLIENT_ID).')
param ssoClientId string

@secure()
param ssoClientSecret string

@description('Reference prefix of the partnership, e.g. CASPA.')
param refPrefix string = 'CASPA'

param location string = resourceGroup().location

var keyVaultName = '${resourceBaseName}-kv'
// Built-in role: Key Vault Secrets User (read secret values).
var keyVaultSecretsUserRole = '4633458b-17de-408a-b874-0445c86b69e6'

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: resourceBaseName
  location: location
  kind: 'linux'
  sku: {
    name: webAppSku
  }
  properties: {
    reserved: true
  }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: resourceBaseName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'NODE|20-lts'
      appCommandLine: 'npx --no-install tsx src/main.ts'
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      healthCheckPath: '/healthz'
    }
  }
}

resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: keyVaultName
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    accessPolicies: []
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

resource ssoSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: keyVault
  name: 'sso-client-secret'
  properties: {
    value: ssoClientSecret
  }
}

// The Web App reads secrets through its managed identity; nobody copies them into app settings.
resource webAppReadsSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(keyVault.id, webApp.id, keyVaultSecretsUserRole)
  scope: keyVault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRole)
    principalId: webApp.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

// App settings as a separate resource: they use the Web App's own host name.
resource appSettings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: webApp
  name: 'appsettings'
  // The Key Vault references resolve only once the Web App may read secrets.
  dependsOn: [
    webAppReadsSecrets
  ]
  properties: {
    RISKPANEL_MODE: 'production'
    NODE_ENV: 'production'
    STORE: 'sharepoint'
    REF_PREFIX: refPrefix
    PUBLIC_URL: 'https://${webApp.properties.defaultHostName}'
    WEBSITE_RUN_FROM_PACKAGE: '1'
    SCM_DO_BUILD_DURING_DEPLOYMENT: 'false'
    // Bot identity, as read by src/config.ts and the Microsoft 365 Agents SDK (single tenant).
    clientId: botClientId
    tenantId: botTenantId
    clientSecret: '@Microsoft.KeyVault(VaultName=${keyVault.name};SecretName=${botSecret.name})'
    // Tab SSO (coming: issue 5).
    AAD_APP_CLIENT_ID: ssoClientId
    AAD_APP_TENANT_ID: botTenantId
    AAD_APP_CLIENT_SECRET: '@Microsoft.KeyVault(VaultName=${keyVault.name};SecretName=${ssoSecret.name})'
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
    endpoint: 'https://${webApp.properties.defaultHostName}/api/messages'
    msaAppId: botClientId
    msaAppType: 'SingleTenant'
    msaAppTenantId: botTenantId
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
output TAB_ENDPOINT string = 'https://${webApp.properties.defaultHostName}'
output KEY_VAULT_NAME string = keyVault.name
