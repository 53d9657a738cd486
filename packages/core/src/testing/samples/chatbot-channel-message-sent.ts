/**
 * @module
 * `chatbot.channel.message.sent` sample: AIRudder's published example
 * (`test/fixtures/chatbot-channel-message-sent.json`),
 * kept as a module so the test kit reads no files.
 */

export const chatbotChannelMessageSentSample = {
  event: 'channel.message.sent',
  company: 'Chat_test',
  channel: 'WhatsApp',
  channel_id: '6583753709',
  user: {
    id: '62895402190807',
  },
  call_id: '66b4d7507d5a6618497600326f7b064b',
  messages: [
    {
      msg_id: '05b1de120372baaf13c7b23864432e9a',
      sender_type: 'chatbot',
      timestamp: 1720159500,
      content: {
        type: 'template',
        template: {
          type: 'WhatsApp',
          content: {
            header: {
              type: 'image',
              media: {
                origin_url:
                  'https://www.planetware.com/wpimages/2020/02/france-in-pictures-beautiful-places-to-photograph-eiffel-tower.jpg',
              },
            },
            body: 'Hi, tom, we will hold a party from 2024-03-07, welcome to join us',
            footer: 'welcome',
            button: [
              {
                type: 'QUICK_REPLY',
                text: 'no',
              },
              {
                type: 'OPT_OUT',
                text: 'yes',
              },
            ],
          },
          info: {
            id: 35,
            name: 'opt_out_02_27_english',
            language: 'en',
          },
        },
      },
    },
    {
      msg_id: '9fd6d067308944449c2ad4e9fb476a1e',
      sender_type: 'robot',
      timestamp: 1720159548,
      content: {
        type: 'text',
        text: '一位来自WhatsApp的朋友 ,欢迎使用 AIRudder 客户服务',
      },
    },
    {
      msg_id: '9fd6d067308944449c2ad4e9fb476a1e',
      sender_type: 'robot',
      timestamp: 1720159549,
      content: {
        type: 'image',
        media: {
          origin_url:
            'https://test-airudder-dmrobot.oss-cn-hongkong.aliyuncs.com/upload%2F20240327%2F79a5ef5ba61b410c9b418d513eb48924_KrKRsV0DWY.jpeg?Expires=1743062224&OSSAccessKeyId=LTAI5tR3sabN9jtvhHDgMoxA&Signature=agKUyWeiSkwQd0ussZ5bUJuKmDM%3D',
        },
      },
    },
    {
      msg_id: '9fd6d067308944449c2ad4e9fb476a1e',
      sender_type: 'robot',
      timestamp: 1720159549,
      content: {
        type: 'file',
        media: {
          origin_url:
            'https://test-airudder-dmrobot.oss-cn-hongkong.aliyuncs.com/upload%2F20240327%2F0ca8b6c9e76f49f081e709a5b821e87c_welcome_to_Earth.pdf?Expires=1743064081&OSSAccessKeyId=LTAI5tR3sabN9jtvhHDgMoxA&Signature=yHRWceK6eJOhwcUKA%2BPuGtYfrAg%3D',
          name: 'welcome_to_Earth.pdf',
        },
      },
    },
    {
      msg_id: 'e39f5aaba04e4d54b7a2852e17383206',
      sender_type: 'robot',
      timestamp: 1720160208,
      content: {
        type: 'interactive',
        interactive: {
          type: 'button',
          body: {
            text: '请选择您的性别(button)👉👉👉',
          },
          footer: {
            text: '',
          },
          action: {
            buttons: [
              {
                type: 'reply',
                reply: {
                  id: '9ceb8dbe7773ea3e951f5dd38d965b44-2-1-button-0-',
                  title: '男',
                },
              },
              {
                type: 'reply',
                reply: {
                  id: '9ceb8dbe7773ea3e951f5dd38d965b44-2-1-button-1-',
                  title: '女',
                },
              },
              {
                type: 'reply',
                reply: {
                  id: '9ceb8dbe7773ea3e951f5dd38d965b44-2-1-button-2-',
                  title: '其他',
                },
              },
            ],
          },
        },
      },
    },
    {
      msg_id: 'ecc6f3501c1c4ddf8289b94bccf0f603',
      sender_type: 'robot',
      timestamp: 1720159575,
      content: {
        type: 'interactive',
        interactive: {
          type: 'list',
          body: {
            text: '请选择你要咨询的业务类(本次通过list展示)',
          },
          footer: {
            text: '',
          },
          action: {
            button: '请选择',
            sections: [
              {
                title: '查询类',
                rows: [
                  {
                    id: '8893ba3fdfb6995dcdc587b07915c6eb-3-1-list-0-0-',
                    title: '物流查询',
                    description: '',
                  },
                  {
                    id: '8893ba3fdfb6995dcdc587b07915c6eb-3-1-list-0-1-',
                    title: '网点查询',
                    description: '',
                  },
                ],
              },
              {
                title: '寄件类',
                rows: [
                  {
                    id: '8893ba3fdfb6995dcdc587b07915c6eb-3-1-list-1-0-',
                    title: '大件快递',
                    description: '',
                  },
                  {
                    id: '8893ba3fdfb6995dcdc587b07915c6eb-3-1-list-1-1-',
                    title: '小件快递',
                    description: '',
                  },
                ],
              },
            ],
          },
        },
      },
    },
    {
      msg_id: '30754f2269a440e3b7206c88971f86eb',
      sender_type: 'agent',
      timestamp: 1720160324,
      content: {
        type: 'text',
        text: 'hi',
      },
    },
  ],
}
